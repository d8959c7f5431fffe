import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Storage:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def info(self, path):
        response = await self.session.get(f"{self.base}/api/{path}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def files(self, folder="root"):
        """The files of a folder, page by page."""
        page = 1
        while True:
            listing = await self.info(f"{folder}?page={page}")
            for item in listing["files"]:
                yield item
            if not listing.get("more"):
                return
            page += 1


async def total_size(storage: Storage):
    total = 0
    async for name in storage.files():
        total += (await storage.info(name))["size"]
    return total


async def sizes(storage: Storage):
    all_info = await gather_in_order(
        (storage.info(name) async for name in storage.files()), limit=10
    )
    return [info["size"] for info in all_info]


async def largest(storage: Storage):
    all_info = await gather_in_order(
        (storage.info(name) async for name in storage.files()), limit=10
    )
    return max([info["size"] for info in all_info])


async def by_name(storage: Storage):
    return {name: (await storage.info(name))["size"] async for name in storage.files()}
