from functools import wraps

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "http://library.example.com"


def retrieve(func):
    """Each decorated method names what to fetch; the wrapper fetches it."""

    @wraps(func)
    async def wrapped(self, *args, **kwargs):
        path = await func(self, *args, **kwargs)
        return await self._get(path)

    return wrapped


def fetched(func):
    @wraps(func)
    async def wrapped(self, *args):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            resp = await http_client.get(
                BASE + await func(self, *args), params={"key": self.key}
            )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    return wrapped


class Library:
    def __init__(self, key):
        self.key = key

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _get(self, path):
        resp = await self.session.get(BASE + path, params={"key": self.key})
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    @retrieve
    async def items(self):
        return "/items"

    @retrieve
    async def item(self, key):
        return "/items/" + key

    @fetched
    async def collections(self):
        return "/collections"

    async def count(self):
        return len(await self.items())


async def titles(library, keys):
    items = await gather_in_order((library.item(key) for key in keys), limit=10)
    return [item["title"] for item in items]
