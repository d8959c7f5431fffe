import functools

from ._async_helpers import AsyncClientPerLoop, gather_in_order
from .sessions import API, make_session

SESSION = AsyncClientPerLoop(functools.partial(make_session, "shop", "secret"))


async def order(oid):
    return (await SESSION.get(f"{API}/orders/{oid}")).json()


async def orders(oids):
    session = make_session("shop", "secret")
    try:
        responses = await gather_in_order(
            (session.get(f"{API}/orders/{oid}") for oid in oids), limit=10
        )
        return [response.json() for response in responses]
    finally:
        await session.aclose()


async def leaky_order(oid):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = make_session("shop", "secret")
    return (await session.get(f"{API}/orders/{oid}")).json()


async def first_order(user, password):
    async with make_session(user, password) as session:
        return (await session.get(f"{API}/orders/1")).json()


class Store:
    def __init__(self, user, password):
        self.session = AsyncClientPerLoop(
            functools.partial(make_session, user, password, retries=5)
        )

    async def order(self, oid):
        return (await self.session.get(f"{API}/orders/{oid}")).json()
