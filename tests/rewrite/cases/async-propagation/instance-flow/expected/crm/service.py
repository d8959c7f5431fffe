"""Every way a client instance reaches the code that calls it."""

from crm._async_helpers import gather_in_order
from crm.api import SocialApi, connect, default_api


class Profiles:
    api: SocialApi

    def __init__(self, api: SocialApi):
        self.api = api

    async def card(self, uid):
        user = await self.api.user(uid)
        return f"{user['name']} (@{user['handle']})"


class Directory:
    def __init__(self, base_url):
        self.profiles = Profiles(SocialApi(base_url))

    async def cards(self, uids):
        return await gather_in_order(
            (self.profiles.card(uid) for uid in uids), limit=10
        )


async def handle_of(api: SocialApi, uid):
    return (await api.user(uid))["handle"]


async def name_via_constructor(base_url, uid):
    api = SocialApi(base_url)
    return (await api.user(uid))["name"]


async def name_via_factory(uid):
    api = connect()
    return (await api.user(uid))["name"]


async def name_via_default(uid):
    return (await default_api.user(uid))["name"]


async def followed_names(uid):
    return await connect().names_followed(uid)
