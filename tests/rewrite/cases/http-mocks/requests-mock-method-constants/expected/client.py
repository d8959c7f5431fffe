import httpx

from _async_helpers import TLS_CONTEXT


async def create(url, payload):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.post(url, json=payload, timeout=5)
    return resp.status_code


async def remove(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.delete(url, timeout=5)).status_code
