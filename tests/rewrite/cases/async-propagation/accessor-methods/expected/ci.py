import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class CiError(Exception):
    pass


class Node:
    """Something on the CI server, with the server it came from."""

    def get_server(self):
        raise NotImplementedError

    def url(self):
        raise NotImplementedError

    async def poll(self):
        return await self.get_server().get_json(self.url() + "/api/json")


class Server(Node):
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    def get_server(self):
        return self

    def url(self):
        return self.base

    async def get_json(self, url):
        response = await self.session.get(url, timeout=5)
        if response.status_code == 404:
            raise CiError(url)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def job(self, name):
        from jobs import Job

        return Job(self, name)

    async def job_names(self):
        return [job["name"] for job in (await self.poll())["jobs"]]
