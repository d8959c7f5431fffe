import httpx

from _async_helpers import TLS_CONTEXT


class Catalog:
    def __init__(self, base):
        self.base = base

    @property
    async def items(self):
        path = "/items?page=1"
        while path:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                page = (await http_client.get(self.base + path, timeout=5)).json()
            for item in page["items"]:
                yield item
            path = page.get("next")

    @property
    def names(self):
        return self._names()

    async def _names(self):
        async for item in self.items:
            yield item["name"]


async def first_two(catalog: Catalog):
    found = []
    async for item in catalog.items:
        found.append(item["name"])
        if len(found) == 2:
            break
    return found


async def all_names(catalog: Catalog):
    return [item async for item in catalog.names]


async def first(catalog: Catalog):
    return await anext(catalog.items, None)


async def sorted_names(catalog: Catalog):
    return sorted([item["name"] async for item in catalog.items])
