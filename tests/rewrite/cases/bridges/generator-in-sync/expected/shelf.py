import httpx

from _async_helpers import TLS_CONTEXT, block_on, requests_values


async def pages(base, params):
    while True:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (
                await http_client.get(
                    f"{base}/books", params=requests_values(params), timeout=5
                )
            ).json()
        for item in data["items"]:
            yield item
        if "next" not in data:
            break
        params = {**params, "from": data["next"]}


class Shelf:
    def __init__(self, base):
        self.base = base

    async def atitles(self):
        return [item["title"] async for item in pages(self.base, {"shelf": "1"})]

    @property
    def titles(self):
        return block_on(self.atitles())

    async def first_title(self):
        async for item in pages(self.base, {"shelf": "1"}):
            return item["title"]


def by_size(shelves):
    return sorted(shelves, key=lambda s: len(s.titles))


class Reader:
    def __init__(self, base):
        self.base = base

    async def aopening(self):
        return (await anext(pages(self.base, {"shelf": "1"})))["title"]

    @property
    def opening(self):
        return block_on(self.aopening())


def openings(readers):
    return [r.opening for r in sorted(readers, key=lambda r: r.opening)]
