"""Made async in an earlier step: it reached the sync client through a thread."""

from asgiref.sync import sync_to_async

from clients import fetch


async def items(url):
    data = await sync_to_async(fetch)(url)
    return data["items"]


async def both(a, b):
    first = await sync_to_async(fetch, thread_sensitive=False)(a)
    second = await sync_to_async(fetch)(b)
    return first["items"] + second["items"]
