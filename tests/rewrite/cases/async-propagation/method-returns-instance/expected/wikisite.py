"""A client whose constructor fetches site info."""

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

API = "https://wiki.example.com/api"


class Site:
    @classmethod
    async def create(cls, host=API):
        """Make a Site, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(host)
        return self

    async def _async_init(self, host=API):
        self.host = host

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.info = await self.call("siteinfo")

    async def call(self, action, **params):
        resp = await self.session.get(
            f"{self.host}/{action}", params=requests_values(params), timeout=5
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()
