import httpx

from wiki._async_helpers import TLS_CONTEXT, requests_values

API = "http://api.example.com"


class Page:
    def __init__(self, title):
        self.title = title

    async def _pages(self, params):
        params = {**params, "title": self.title}
        while True:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                data = (
                    await http_client.get(
                        f"{API}/links", params=requests_values(params), timeout=5
                    )
                ).json()
            for item in data["items"]:
                yield item
            if "next" not in data:
                break
            params = {**params, "from": data["next"]}

    async def links(self):
        if not getattr(self, "_links", False):
            self._links = [
                item["title"] async for item in self._pages({"limit": "max"})
            ]
        return self._links

    async def summary(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (
                await http_client.get(
                    f"{API}/summary", params={"title": self.title}, timeout=5
                )
            ).json()
        return data["text"]

