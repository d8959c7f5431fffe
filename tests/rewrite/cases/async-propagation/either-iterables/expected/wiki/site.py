"""A client holding a session."""

import httpx

from wiki._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

API = "https://wiki.example.com/api"


class Site:
    def __init__(self, host=API):
        self.host = host

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, action, **params):
        resp = await self.session.get(
            f"{self.host}/{action}", params=requests_values(params), timeout=5
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()
