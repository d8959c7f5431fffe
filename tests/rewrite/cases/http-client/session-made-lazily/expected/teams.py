import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Teams:
    def __init__(self, base):
        self.base = base
        self._s = None

    async def members(self, team):
        if self._s is None:
            def _new_s() -> httpx.AsyncClient:
                return httpx.AsyncClient(
                    follow_redirects=True, timeout=None, verify=TLS_CONTEXT
                )

            self._s = AsyncClientPerLoop(_new_s)
        return (await self._s.get(f"{self.base}/teams/{team}/members")).json()
