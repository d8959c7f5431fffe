import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "https://api.example.com"


async def item(user, password):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"{BASE}/items/1", auth=httpx.BasicAuth(user, password)
        )
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def report(user, password):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/report", auth=httpx.DigestAuth(user, password)
            )
        ).json()


async def session_items(user, password):
    auth = httpx.BasicAuth(user, password)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT, auth=auth
    ) as session:
        responses = await gather_in_order(
            (session.get(f"{BASE}/items/{n}") for n in (1, 2)), limit=10
        )
        return [response.json() for response in responses]
