import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

API = "https://wiki.example.com/api"


class Wiki:
    def __init__(self):
        self.site = None

    async def connect(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            self.site = (await http_client.get(f"{API}/site", timeout=5)).json()["name"]

    async def page(self, title):
        params = {"title": title, "site": self.site}
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(f"{API}/page", params=params, timeout=5)
            ).json()["text"]

    async def open_page(self, title):
        await self.connect()
        return await self.page(title)


async def two_pages(first, second):
    wiki = Wiki()
    await wiki.connect()
    one, two = await gather_in_order(
        wiki.page(first),
        wiki.page(second),
    )
    return one, two
