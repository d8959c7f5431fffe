import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://feed.example.com"


async def lines(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{name}")
    return [line.decode("utf-8").upper() for line in response.content.splitlines()]


async def words(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{name}")
    # TODO(migrate MIG001): iter_lines() needs `async with client.stream(...)`
    return [line.split() for line in response.iter_lines(decode_unicode=True)]


async def chunks(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{name}")
    return [len(chunk) for chunk in response.iter_bytes(4)]


async def bytes_one_by_one(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{name}")
    return sum(1 for _ in response.iter_bytes(1))
