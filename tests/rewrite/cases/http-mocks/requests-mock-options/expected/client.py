import httpx

from _async_helpers import TLS_CONTEXT, requests_values

BASE = "https://shop.example.com"


async def item(sku, **filters):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/Items/{sku}", params=requests_values(filters), timeout=5
            )
        ).json()
