"""Made async in an earlier step: it reached the sync client through a thread."""

from clients import fetch


async def items(url):
    data = await fetch(url)
    return data["items"]


async def both(a, b, fetch_async=fetch):
    first = await fetch_async(a)
    second = await fetch_async(b)
    return first["items"] + second["items"]
