from _async_helpers import gather_in_order
from client import Client
from feeds import Feed, NewsFeed, open_feed
from models import Team, User, build


async def user_name(base, url):
    return (await build(User, Client(base), {"url": url}).refresh())["name"]


async def rename(base, url, name):
    return (await build(User, Client(base), {"url": url}).update(name=name))["name"]


async def member_names(base, url):
    team = build(Team, Client(base), {"url": url})
    refreshes = await gather_in_order(
        (member.refresh() for member in await team.members()), limit=10
    )
    return [refresh["name"] for refresh in refreshes]


async def entries(base, news):
    kind = NewsFeed if news else Feed
    return await open_feed(kind, base, "/feed").entries()
