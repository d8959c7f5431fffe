import functools

from _async_helpers import AsyncClientPerLoop
from sessions import make_session

API = "https://api.example.com"


class Catalogue:
    def __init__(self, token):
        self.session = AsyncClientPerLoop(functools.partial(make_session, token))

    async def item(self, iid):
        return (await self.session.get(f"{API}/items/{iid}")).json()


async def price(iid):
    session = make_session("public")
    try:
        return (await session.get(f"{API}/prices/{iid}")).json()["amount"]
    finally:
        await session.aclose()


async def stock(session, iid):
    return (await session.get(f"{API}/stock/{iid}")).json()["count"]
