import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self._session = AsyncClientPerLoop(_new_session)

    async def request(self, method, path):
        response = await self._session.request(method, self.base + path, timeout=5)
        if response.status_code >= 400:
            raise RuntimeError(f"{response.status_code} {response.reason_phrase}")
        return response.json()
