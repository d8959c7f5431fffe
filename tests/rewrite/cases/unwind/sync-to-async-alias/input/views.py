"""Made async in an earlier step: it reached the sync client through a thread."""

from asgiref.sync import sync_to_async

from clients import fetch

fetch_async = sync_to_async(fetch)


async def items(url):
    data = await fetch_async(url)
    return data["items"]


async def both(a, b, fetch_async=fetch_async):
    first = await fetch_async(a)
    second = await fetch_async(b)
    return first["items"] + second["items"]
