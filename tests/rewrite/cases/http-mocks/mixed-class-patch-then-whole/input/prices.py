import httpx

from _async_helpers import TLS_CONTEXT


async def price(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"https://prices.example.test/{sku}", timeout=5)
    return resp.json()["price"]


async def listed(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return not (
            await http_client.get(f"https://prices.example.test/{sku}", timeout=5)
        ).is_error
