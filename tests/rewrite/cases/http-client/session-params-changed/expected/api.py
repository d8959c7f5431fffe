import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

BASE = "https://api.example.com"


class Api:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                params={"token": token},
                verify=TLS_CONTEXT,
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def page(self, number, size=None):
        self.session.params = requests_values({**self.session.params, "page": number})
        self.session.params = requests_values({**self.session.params, "size": size})
        return (await self.session.get(f"{BASE}/items")).json()


async def items(token, numbers):
    api = Api(token)
    return [await api.page(n) for n in numbers]


async def sized(token, size):
    return await Api(token).page(1, size)


async def search(term):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=TLS_CONTEXT,
        params={"q": term, "lang": "en"},
    )
    return (await session.get(f"{BASE}/search")).json()
