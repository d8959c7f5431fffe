import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class API:
    """A client named in capitals, as tweepy's and boto's are."""

    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        response = await self.session.get(self.base_url + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def aclose(self):
        await self.session.aclose()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()
