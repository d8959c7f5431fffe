import functools

import httpx
import requests
from asgiref.sync import async_to_sync

from ._async_helpers import TLS_CONTEXT


async def retry_call(func, *args, tries=3, **kwargs):
    for attempt in range(tries):
        try:
            return await func(*args, **kwargs)
        except (
            requests.ConnectionError,
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ):
            if attempt == tries - 1:
                raise


async def get_json(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await retry_call(http_client.get, url, timeout=5)).json()


async def fetch_user(base, uid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/users/{uid}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def user_with_retries(base, uid):
    return await retry_call(fetch_user, base, uid, tries=2)


async def user_by_partial(base, uid):
    return await retry_call(functools.partial(fetch_user, base), uid)


async def then_friend(base, uid, then):
    user = await fetch_user(base, uid)
    return await then(base, user["friend"])


async def friend(base, uid):
    return await then_friend(base, uid, then=fetch_user)


async def for_each(base, uids, callback, fetch=fetch_user):
    for uid in uids:
        callback(await fetch(base, uid))


async def names_seen(base, uids):
    seen = []
    await for_each(base, uids, lambda user: seen.append(user["name"]))
    return seen


def each(func, items):
    return [func(item) for item in items]


def shout(word):
    return word.upper()


async def fetch_name(uid):
    return (await fetch_user("http://api.example.com", uid))["name"]


def names(uids):
    return each(async_to_sync(fetch_name), uids)


def shouted(words):
    return each(shout, words)
