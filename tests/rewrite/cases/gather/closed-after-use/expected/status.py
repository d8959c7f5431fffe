import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def item(self, number):
        return (await self.session.get(f"{self.base}/items/{number}", timeout=5)).json()

    async def aclose(self):
        await self.session.aclose()


async def status(base):
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers.update({"X-Client": "status"})
    response = await session.get(f"{base}/items/1", timeout=5)
    await session.aclose()
    return response.status_code, response.json()


async def first_item(base):
    client = Client(base)
    first = await client.item(1)
    await client.aclose()
    return first
