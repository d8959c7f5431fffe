import httpx

from _async_helpers import TLS_CONTEXT


async def stock(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"https://stock.example.test/{sku}", timeout=5)
        ).json()["stock"]


async def reserve(sku, count):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                f"https://stock.example.test/{sku}", json=count, timeout=5
            )
        ).status_code


async def in_stock(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return not (
            await http_client.get(f"https://stock.example.test/{sku}", timeout=5)
        ).is_error
