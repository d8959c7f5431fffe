"""Every way a client instance reaches the code that calls it."""

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from crm.api import SocialApi, connect, default_api


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()


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
        return await _gather_in_order(*(self.profiles.card(uid) for uid in uids), limit=10)


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
