import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .holder import Holder


class Client:
    def __init__(self, base):
        self.base = base

        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http = AsyncClientPerLoop(_new_http)

    async def fetch(self, path):
        response = await self.http.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def holder(self, name):
        return Holder(self, name)
