import httpx

from store._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, url):
        self.url = url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def http_list(self, path):
        response = await self.session.get(self.url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def http_put(self, path, data):
        response = await self.session.put(self.url + path, json=data, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def http_delete(self, path):
        response = await self.session.delete(self.url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
