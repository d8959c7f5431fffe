import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class WeatherClient:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def current(self, city):
        response = await self.session.get(f"{self.base}/current/{city}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def aclose(self):
        await self.session.aclose()
