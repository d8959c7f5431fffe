import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://crm.example.com"


async def contact(cid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/contacts/{cid}", timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()


async def update(cid, **fields):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.patch(f"{BASE}/contacts/{cid}", json=fields, timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()
