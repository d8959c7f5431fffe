import httpx

from _async_helpers import TLS_CONTEXT


async def fetch_item(base, name, timeout=5.0):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{base}/items/{name}", timeout=timeout)
    if r.is_error:
        r.raise_for_status()
    return r.json()
