import httpx

from _async_helpers import TLS_CONTEXT


class Nodes:
    def __init__(self, base):
        self.base = base

    async def iteritems(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            for item in (await http_client.get(self.base + "/nodes")).json():
                yield item["name"], item

    async def items(self):
        return [item async for item in self.iteritems()]
