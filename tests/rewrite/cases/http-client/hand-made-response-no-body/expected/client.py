import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class APIError(Exception):
    def __init__(self, status, content):
        super().__init__(f"{status}: {content!r}")
        self.status = status
        self.content = content


class Client:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path):
        response = await self._session.request(method, BASE + path)
        payload = {}
        try:
            if len(response.content) > 0:
                payload = response.json()
        except (TypeError, ValueError):
            raise APIError(response.status_code, response.content) from None
        if response.status_code >= 400:
            raise APIError(response.status_code, response.content)
        return payload

    async def details(self, path):
        response = await self._session.request("GET", BASE + path)
        try:
            return response.json()
        except ValueError:
            return {"status": response.status_code}
