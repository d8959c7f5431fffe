import httpx

from ._async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def fetch(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/items/{name}", timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()
