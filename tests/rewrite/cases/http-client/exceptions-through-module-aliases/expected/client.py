import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def item(name):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.get(f"{BASE}/items/{name}", timeout=5)
        if r.is_error:
            r.raise_for_status()
    except httpx.HTTPStatusError as error:
        return {"missing": name, "status": error.response.status_code}
    return r.json()


async def strict_item(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/items/{name}", timeout=5)
    if r.status_code == 404:
        raise httpx.HTTPStatusError(f"no item {name}", response=r, request=r.request)
    return r.json()


async def status_of(name):
    try:
        return await strict_item(name)
    except httpx.HTTPStatusError as error:
        return {"error": str(error)}
