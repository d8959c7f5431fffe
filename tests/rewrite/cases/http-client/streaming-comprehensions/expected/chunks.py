import requests


async def text(url):
    # TODO(migrate MIG001): one-off request outside a statement: not rewritten
    with requests.get(url, stream=True, timeout=10) as resp:
        return "".join([chunk async for chunk in resp.aiter_text(4)])


async def size(url):
    # TODO(migrate MIG001): one-off request outside a statement: not rewritten
    with requests.get(url, stream=True, timeout=10) as resp:
        return sum([len(chunk) async for chunk in resp.aiter_bytes(4)])
