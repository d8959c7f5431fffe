import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


class Site:
    def __init__(self, base):
        self.base = base

    async def info(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(f"{self.base}/info", timeout=5)).json()

    async def stats(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(f"{self.base}/stats", timeout=5)).json()

    async def report(self):
        info, stats = await gather_in_order(
            self.info(),
            self.stats(),
        )
        return info["name"], stats["count"]

    async def brief(self):
        info, stats = await gather_in_order(
            self.info(),
            self.stats(),
        )
        return {"name": info["name"], "count": stats["count"]}
