import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_params


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def get(url, **params):
    response = await session.get(url, params=requests_params(url, params), timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response


async def all_items(url):
    items = []
    while url:
        page = (await get(url, per_page=2)).json()
        items.extend(page["items"])
        url = page["next"]
    return items


async def search(url, term):
    return (await get(url, q=term)).json()


async def english(base, term):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            base + "/search?lang=en",
            params=requests_params(base + "/search?lang=en", {"q": term}),
            timeout=5,
        )
    return response.json()
