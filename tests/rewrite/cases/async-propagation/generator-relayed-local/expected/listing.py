from collections import deque

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _get(self, url):
        response = await self.session.get(url, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def total(self):
        return (await self._get(self.base + "/total"))["count"]

    async def _paginate(self, path, keep=None):
        page = await self._get(self.base + path)
        while True:
            for item in page["items"]:
                if keep is None or keep(item):
                    yield item
            if not page["next"]:
                break
            page = await self._get(page["next"])

    def iter_items(self, keep=None):
        found = self._paginate("/p1", keep)
        return found


async def first_item(base):
    item = Client(base).iter_items()
    item = await anext(item)
    return item


async def count_kept(base):
    items = Client(base).iter_items(lambda items: items > 1)
    return len([item async for item in items])


async def last_two(base):
    return list(deque([item async for item in Client(base).iter_items()], maxlen=2))


async def summary(base):
    client = Client(base)
    return {
        "total": await client.total(),
        "items": [item async for item in client.iter_items()],
    }
