import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    requests_body,
    requests_values,
)

BASE = "https://api.example.com"
DEFAULTS = {"format": "json"}


async def search(params):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values(params), timeout=5
            )
        ).json()


def build_query(term, page=None):
    return {"q": term, "page": page}


async def search_term(term, page=None):
    query = build_query(term, page)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values(query), timeout=5
            )
        ).json()


async def search_pairs(term, tag=None):
    pairs = [("q", term), ("tag", tag)]
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values(pairs), timeout=5
            )
        ).json()


async def listing(page):
    query = {"format": "json"}
    query["page"] = page
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/items", params=query, timeout=5)).json()


async def defaults():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"{BASE}/items", params=DEFAULTS, timeout=5)
        ).json()


async def with_options(term, lang=None):
    options = {"params": requests_values({"q": term, "lang": lang}), "timeout": 5}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/search", **options)).json()


async def search_bytes(term):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params={"q": "lamp", "term": term}, timeout=5
            )
        ).json()


async def search_encoded(term):
    token = term.encode()
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/search", params=requests_values({"q": token}), timeout=5
            )
        ).json()


async def order_encoded(item):
    form = {"item": item.encode(), "note": b"boxed"}
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(f"{BASE}/orders", **requests_body(form), timeout=5)
        ).status_code


async def order_literal(item):
    url = f"{BASE}/orders"
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(url, data={"item": item, "n": 1}, timeout=5)
        ).status_code


class Catalog:
    def __init__(self, token=None, region=None):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.base_params = {"token": token, "region": region}

    async def items(self, **filters):
        merged = dict(self.base_params, **filters)
        return (
            await self.session.get(
                f"{BASE}/items", params=requests_values(merged), timeout=5
            )
        ).json()

    async def first(self):
        return (
            await self.session.get(
                f"{BASE}/items", params=requests_values(self.base_params), timeout=5
            )
        ).json()

    async def order(self, item, note=None):
        form = {"item": item, "note": note}
        return await self.submit(form)

    async def submit(self, form):
        return (
            await self.session.post(f"{BASE}/orders", **requests_body(form), timeout=5)
        ).status_code
