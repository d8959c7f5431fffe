import httpx

from _async_helpers import TLS_CONTEXT
from memo import cache


@cache
async def search(query, limit=10):
    params = {"q": query, "limit": limit}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            "https://api.example.com/search", params=params, timeout=5
        )
    if response.is_error:
        response.raise_for_status()
    return response.json()["results"]


async def first(query):
    return (await search(query, limit=1))[0]


def forget():
    search.clear_cache()
