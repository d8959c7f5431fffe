import httpx

from _async_helpers import TLS_CONTEXT


async def status(url, method="GET"):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.request(method, url, timeout=5)).status_code
