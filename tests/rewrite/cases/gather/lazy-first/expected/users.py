"""Only the first result is taken: the legacy code fetched one user, so does the new."""

import itertools

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT


async def get_user(base, user_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/v1/users/{user_id}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def user(user_id):
    return await get_user("http://users", user_id)


async def first_user(user_ids):
    return await anext(await user(user_id) for user_id in user_ids)


async def first_name(base, user_ids):
    return (await anext(await get_user(base, user_id) for user_id in user_ids))["name"]


async def first_active(base, user_ids):
    found = await anext(await get_user(base, i) for i in user_ids if i > 0)
    return found["handle"]


async def first_or_none(user_ids):
    for i in user_ids:
        return await user(i)
    return None


def first_two(user_ids):
    return list(itertools.islice(map(async_to_sync(user), user_ids), 2))


def paired_names(labels, user_ids):
    return dict(
        zip(labels, (async_to_sync(user)(user_id)["name"] for user_id in user_ids))
    )


async def first_two_names(user_ids):
    users = (await user(user_id) for user_id in user_ids)
    return (await anext(users))["name"], (await anext(users, {})).get("name")
