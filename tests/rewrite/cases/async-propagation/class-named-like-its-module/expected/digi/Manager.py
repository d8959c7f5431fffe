import httpx

import digi

from ._async_helpers import TLS_CONTEXT


class Manager:
    async def droplets(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (await http_client.get("https://api.example.com/droplets")).json()
        return [digi.Droplet(None, d["id"]) for d in data]

    async def first(self):
        return await (await self.droplets())[0].load()
