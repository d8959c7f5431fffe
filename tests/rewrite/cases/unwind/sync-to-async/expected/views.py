"""Made async in an earlier step: it reached the sync client through a thread."""

from clients import fetch


async def items(url):
    data = await fetch(url)
    return data["items"]


async def both(a, b):
    first = await fetch(a)
    second = await fetch(b)
    return first["items"] + second["items"]
