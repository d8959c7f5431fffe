from _async_helpers import gather_in_order
from client import Client
from models import Listing, Search, User


async def user_names(base):
    return [
        user.data["name"]
        for user in await Listing(Client(base), "/users", User).items()
    ]


async def order_totals(base):
    users = await Listing(Client(base), "/users", User).items()
    users = list(users)
    results = await gather_in_order((user.orders() for user in users), limit=10)
    return {
        user.data["name"]: [o.total for o in orders]
        for user, orders in zip(users, results)
    }


async def refreshed_first(base, term):
    user = await Search(Client(base), f"/search?q={term}", User).first()
    return (await user.refresh())["name"] if user else None


async def raw_names(base):
    refreshes = await gather_in_order(
        (model.refresh() for model in await Listing(Client(base), "/users").items()),
        limit=10,
    )
    return [refresh["name"] for refresh in refreshes]
