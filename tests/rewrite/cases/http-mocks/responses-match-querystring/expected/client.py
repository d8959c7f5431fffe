import httpx

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def create(url, item):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.post(url, json=item, timeout=5)).status_code
