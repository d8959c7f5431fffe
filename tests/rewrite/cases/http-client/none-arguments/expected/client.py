import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    gather_in_order,
    httpx_kwargs,
    requests_values,
)

BASE = "https://api.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True, timeout=None, auth=("svc", "s3cret"), verify=TLS_CONTEXT
    )


session = AsyncClientPerLoop(_new_session)


async def search(query, page=None, sort=None):
    params = {"q": query, "page": page, "sort": sort or None, "lang": None}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values(params), timeout=5
            )
        ).json()


async def search_inline(query, page=None):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search",
                params=requests_values({"q": query, "page": page}),
                timeout=5,
            )
        ).json()


async def tagged(tags, filters):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(
            f"{BASE}/search",
            params=requests_values({"tag": tags, "kind": filters.get("kind")}),
            timeout=5,
        )).json()


async def explicit_defaults(query):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"{BASE}/search",
            params={"q": query},
            timeout=None,
        )
    return response.json()


async def whoami():
    return (await session.get(f"{BASE}/me", timeout=5)).json()


async def fetch(path, **kwargs):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}{path}", **httpx_kwargs(kwargs))).json()


async def fetch_defaults(query):
    return await fetch(
        "/search", params={"q": query, "page": None}, verify=None, stream=None
    )


async def dashboard(query):
    (
        search_result,
        second,
        inline,
        tagged_result,
        explicit,
        me,
        kwargs,
    ) = await gather_in_order(
        search(query),
        search(query, page=2, sort="new"),
        search_inline(query),
        tagged(["a", None, "b"], {}),
        explicit_defaults(query),
        whoami(),
        fetch_defaults(query),
    )
    return {
        "search": search_result,
        "second": second,
        "inline": inline,
        "tagged": tagged_result,
        "explicit": explicit,
        "me": me,
        "kwargs": kwargs,
    }
