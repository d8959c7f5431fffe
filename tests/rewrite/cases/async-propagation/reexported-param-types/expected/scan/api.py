import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Scanner:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        resp = await self.session.get(f"{self.base}{path}", timeout=10)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()
