import httpx

from _async_helpers import TLS_CONTEXT, requests_values

BASE = "https://catalog.example.com/api"


async def search(query, page=1, **extra):
    params = {"q": query, "page": page, **extra}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(
            BASE + "/products", params=requests_values(params), timeout=5
        )
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["items"]
