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

    async def _paginate(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        while True:
            for item in response.json()["items"]:
                yield item
            url = response.json()["next"]
            if not url:
                break
            response = await self.session.get(url, timeout=5)

    def iter_items(self, path="/p1"):
        return self._paginate(path)

    async def aclose(self):
        await self.session.aclose()


async def first_two(base):
    client = Client(base)
    items = client.iter_items()
    first = await anext(items)
    second = await anext(items, None)
    await client.aclose()
    return first, second


async def head_and_rest(base):
    items = Client(base).iter_items()
    head = await anext(items)
    return head, [item async for item in items]


async def after_first(base):
    items = Client(base).iter_items()
    await anext(items)
    return [item * 10 async for item in items]


async def first_or_none(base, path):
    items = Client(base).iter_items(path)
    try:
        return await anext(items)
    except StopAsyncIteration:
        return None
