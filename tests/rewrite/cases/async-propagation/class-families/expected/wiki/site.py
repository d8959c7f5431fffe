"""A client holding a session; its page lists are made with it."""

import httpx

from wiki import listing
from wiki._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

API = "https://wiki.example.com/api"


class Site:
    limit = 50

    def __init__(self, host=API):
        self.host = host

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.pages = listing.PageList(self)
        self.images = listing.PageList(self, namespace=6)

    async def get(self, action, **params):
        resp = await self.session.get(
            f"{self.host}/{action}", params=requests_values(params), timeout=5
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    def recent(self, limit=10):
        return listing.Recent("recent", self, limit=limit)

    async def image_size(self, name):
        image = await self.images[name]
        return image.size

    async def image_history(self, name):
        image = await self.images[name]
        return await image.history_items()
