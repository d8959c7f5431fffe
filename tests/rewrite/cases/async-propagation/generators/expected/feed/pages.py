import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


async def pages(url):
    while url:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=5)
        if response.is_error:
            response.raise_for_status()
        data = response.json()
        yield data["items"]
        url = data.get("next")


async def items(url):
    async for page in pages(url):
        for item in page:
            yield item


def items_from(url):
    return items(url)


class Catalog:
    """Entries fetched page by page through the instance's session."""

    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def entries(self, first="/catalog/1"):
        url = self.base + first
        while url:
            data = (await self.session.get(url, timeout=5)).json()
            for item in data["entries"]:
                yield item
            url = data["next"] and self.base + data["next"]

    async def names(self):
        async for entry in self.entries():
            yield entry["name"]

    def all_names(self):
        return self.names()
