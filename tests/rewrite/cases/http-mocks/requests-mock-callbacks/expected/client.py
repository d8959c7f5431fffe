import httpx

from _async_helpers import TLS_CONTEXT

API = "https://stock.example.com/v2"


async def levels(*skus):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(
            f"{API}/levels", params={"sku": list(skus)}, timeout=5
        )
    return resp.status_code, resp.json()


async def reserve(sku, count):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.post(
            f"{API}/reserve", json={"sku": sku, "count": count}, timeout=5
        )
    if resp.status_code == 409:
        return resp.status_code, resp.reason_phrase
    return resp.status_code, resp.headers.get("X-Left"), resp.text


async def label(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(f"{API}/Labels/{sku}", timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.content
