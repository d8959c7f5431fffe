import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values


class Job:
    def __init__(self, session, url):
        self.session = session
        self.url = url

    async def invoke(self, token=None):
        response = await self.session.post(
            self.url + "/build", params=requests_values({"token": token}), timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        return response.status_code


class Server:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get_job(self, name):
        response = await self.session.get(f"{self.base}/job/{name}/api/json", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return Job(self.session, f"{self.base}/job/{name}")
