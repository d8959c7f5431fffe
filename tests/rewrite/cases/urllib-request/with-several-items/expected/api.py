import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class Api:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, user_id):
        response = await self.session.get(f"{BASE}/users/{user_id}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def aclose(self):
        await self.session.aclose()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()
