import httpx

from _async_helpers import TLS_CONTEXT


async def text(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url, timeout=10) as resp:
        return "".join([chunk async for chunk in resp.aiter_text(4)])


async def size(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", url, timeout=10) as resp:
        return sum([len(chunk) async for chunk in resp.aiter_bytes(4)])
