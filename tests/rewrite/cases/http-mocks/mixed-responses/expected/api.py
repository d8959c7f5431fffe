import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_s() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


S = AsyncClientPerLoop(_new_s)


async def price(sku):
    resp = await S.get(f"https://prices.example.test/{sku}", timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["price"]


async def signed_price(sku, key):
    resp = await S.get(
        f"https://prices.example.test/{sku}", headers={"X-Api-Key": key}, timeout=5
    )
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["price"]


async def price_at(base, sku):
    resp = await S.get(f"{base}/{sku}", timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["price"]
