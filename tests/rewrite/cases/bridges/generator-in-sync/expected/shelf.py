import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT, collect, requests_values


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

    @property
    def titles(self):
        return [
            item["title"]
            for item in async_to_sync(collect)(pages(self.base, {"shelf": "1"}))
        ]

    async def first_title(self):
        async for item in pages(self.base, {"shelf": "1"}):
            return item["title"]


def by_size(shelves):
    return sorted(shelves, key=lambda s: len(s.titles))


class Reader:
    def __init__(self, base):
        self.base = base

    @property
    def opening(self):
        return next(
            iter(async_to_sync(collect)(pages(self.base, {"shelf": "1"}), limit=1))
        )["title"]


def openings(readers):
    return [r.opening for r in sorted(readers, key=lambda r: r.opening)]
