import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

API = "https://stock.example.test/v1"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def level(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"{API}/levels", params={"sku": sku}, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["level"]


async def reserve(sku, count):
    return (
        await session.post(f"{API}/reservations", json={sku: count}, timeout=5)
    ).status_code


async def restock(sku):
    if await level(sku) < 3:
        return await reserve(sku, 10)
    return None


async def available(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"{API}/available", params={"sku": sku}, timeout=5)
    if resp.is_error:
        return f"unavailable: {resp.reason_phrase}"
    return "available"
