import httpx

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def title(url):
    return (await fetch(url))["title"]


class Api:
    def __init__(self, base):
        self.base = base

    async def get(self, path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + path, timeout=5)).json()

    async def name(self, user_id):
        return (await self.get(f"/users/{user_id}"))["name"]

    async def motd(self):
        return (await self.get("/motd"))["text"]

    async def banner(self):
        return (await self.motd()).upper()
