"""Callers that let the classes make their session, or hand one in."""

import httpx

from ._async_helpers import TLS_CONTEXT, gather_in_order
from .api import Catalog, Feed, SocialApi, TokenApi


async def user_name(base_url, uid):
    return (await SocialApi(base_url).user(uid))["name"]


async def names(base_url, uids):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        api = SocialApi(base_url, session=session)
        users = await gather_in_order((api.user(uid) for uid in uids), limit=10)
        return [user["name"] for user in users]


async def item_name(base_url, sku):
    return (await Catalog(base_url, None).item(sku))["name"]


async def feed_size(base_url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        return len(await Feed(base_url, session=session).entries())


async def token_user_name(base_url, uid):
    return (await TokenApi(base_url, "t1").user(uid))["name"]


async def token_names(base_url, uids):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        api = TokenApi(base_url, "t2", session=session)
        users = await gather_in_order((api.user(uid) for uid in uids), limit=10)
        return [user["name"] for user in users]
