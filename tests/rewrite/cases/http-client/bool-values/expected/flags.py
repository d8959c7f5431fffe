import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    httpx_kwargs,
    requests_body,
    requests_values,
)

BASE = "https://api.example.com"
DEFAULTS = {"verbose": True, "lang": "en"}


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


def _new_tracked() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        params={"debug": "False"},
        verify=TLS_CONTEXT,
    )


tracked = AsyncClientPerLoop(_new_tracked)


async def search(query, exact: bool = False):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(
            f"{BASE}/search",
            params={"q": query, "exact": str(exact), "debug": "False"},
            timeout=5,
        )).json()


async def listing(page, archived=False):
    params = {"page": page, "archived": archived}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/items", params=requests_values(params), timeout=5
            )
        ).json()


async def recent(items, since=None):
    pairs = [("fresh", since is None), ("n", len(items))]
    return (
        await session.get(f"{BASE}/items", params=requests_values(pairs), timeout=5)
    ).json()


async def filtered(filters):
    return (
        await session.get(f"{BASE}/items", params=requests_values(filters), timeout=5)
    ).json()


async def defaults():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values(DEFAULTS), timeout=5
            )
        ).json()


async def subscribe(email, opt_in):
    form = {"email": email, "opt_in": opt_in, "weekly": True}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                f"{BASE}/subscribe", **requests_body(form), timeout=5
            )
        ).json()


async def with_options(query):
    options = {"params": {"q": query, "strict": "True"}, "timeout": 5}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/search", **options)).json()


async def fetch(path, **kwargs):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}{path}", **httpx_kwargs(kwargs))).json()


async def counted(query, limit: int = 10, ratio=0.5):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(
            f"{BASE}/search",
            params={"q": query, "limit": limit, "ratio": ratio},
            timeout=5,
        )).json()


async def tracked_items(page):
    return (await tracked.get(f"{BASE}/items", params={"page": page}, timeout=5)).json()
