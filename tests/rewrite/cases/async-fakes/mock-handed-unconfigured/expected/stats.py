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

    async def fetch(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


async def summary(client, path="/stats"):
    data = await client.fetch(path)
    return {"count": len(data), "source": path}


async def report(base):
    return await summary(Client(base))
