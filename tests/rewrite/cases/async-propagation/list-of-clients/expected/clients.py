import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        return (await self.session.get(self.base + path, timeout=5)).json()

    async def aclose(self):
        await self.session.aclose()


async def counts(base, paths):
    made = []
    for _ in paths:
        client = Client(base)
        made.append(client)
    responses = await gather_in_order((c.get("/a") for c in made), limit=10)
    out = [response["n"] for response in responses]
    await gather_in_order((c.aclose() for c in made), limit=10)
    return out


async def first_count(base):
    made = []

    def make():
        made.append(Client(base))

    make()
    make()
    try:
        responses = await gather_in_order((c.get("/b") for c in made), limit=10)
        return sum(response["n"] for response in responses)
    finally:
        await gather_in_order((c.aclose() for c in made), limit=10)
