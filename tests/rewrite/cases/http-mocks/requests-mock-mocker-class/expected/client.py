import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://shop.example.com"


def audit(event):
    print(event)


async def item(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"{BASE}/items/{sku}", timeout=5)
    if resp.status_code == 404:
        audit("missing " + sku)
        return None
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()
