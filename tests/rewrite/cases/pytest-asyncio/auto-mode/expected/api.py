import httpx

from _async_helpers import TLS_CONTEXT


class Api:
    def __init__(self, base):
        self.base = base

    async def status(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + "/status", timeout=5)).json()
