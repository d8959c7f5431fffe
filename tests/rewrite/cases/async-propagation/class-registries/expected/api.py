from _async_helpers import gather_in_order
from client import Client
from models import make, make_all


async def refreshed_name(base, item):
    return (await make(Client(base), item).refresh())["name"]


async def release_names(base, url):
    artist = make(Client(base), {"type": "artist", "url": url})
    refreshes = await gather_in_order(
        (release.refresh() for release in await artist.releases()), limit=10
    )
    return [refresh["name"] for refresh in refreshes]


async def all_names(base, items):
    refreshes = await gather_in_order(
        (model.refresh() for model in make_all(Client(base), items)), limit=10
    )
    return [refresh["name"] for refresh in refreshes]
