import asyncio
import atexit
import gc

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, run_soon


class Client:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.closed = False

    async def item(self, number):
        response = await self.session.get(f"{self.base_url}/items/{number}")
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def close(self):
        if not self.closed:
            await self.session.aclose()
            self.closed = True

    def __del__(self):
        run_soon(self.close())


_default = Client("http://api.example.com")
atexit.register(lambda: asyncio.run(_default.close()))

_spare = Client("http://api.example.com")


@atexit.register
def _close_spare():
    asyncio.run(_spare.close())


async def item(number):
    return await _default.item(number)


async def item_once(number):
    client = Client("http://api.example.com")
    found = await client.item(number)
    del client
    gc.collect()
    return found
