import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class ResourceClient:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def aclose(self):
        await self.session.aclose()
