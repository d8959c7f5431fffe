import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    RetryTransport,
    gather_in_order,
    requests_params,
    response_hook,
)


def _new_session() -> httpx.AsyncClient:
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        params={"lang": "en"},
        transport=RetryTransport(
            httpx.AsyncHTTPTransport(
                retries=2,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
                verify=TLS_CONTEXT,
            ),
            total=3,
            backoff_factor=0.1,
            status_forcelist=[502, 503],
        ),
    )
    session.headers["Accept"] = "application/json"
    return session


session = AsyncClientPerLoop(_new_session)


async def status():
    return (await session.get("https://api.example.com/status", timeout=5)).json()


class Catalog:
    def __init__(self, base, token):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                auth=("reader", token),
                transport=httpx.AsyncHTTPTransport(
                    retries=2,
                    limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
                    verify=False,
                ),
            )
            session.headers["X-Token"] = token
            return session

        self.session = AsyncClientPerLoop(_new_session)
        self.page_size = 50

    async def item(self, sku):
        url = f"{self.base}/items/{sku}"
        return (
            await self.session.get(
                url, params=requests_params(url, {"size": self.page_size})
            )
        ).json()


async def item(sku):
    return await Catalog("https://shop.example.com", "t0k").item(sku)


class Inventory:
    def __init__(self, base, retries=3):
        self.base = base
        self.retries = retries
        self._build_session()

    def _build_session(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                transport=httpx.AsyncHTTPTransport(
                    retries=self.retries, verify=TLS_CONTEXT
                ),
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def count(self, sku):
        return (await self.session.get(f"{self.base}/stock/{sku}", timeout=5)).json()[
            "stock"
        ]


async def count(sku):
    return await Inventory("https://shop.example.com").count(sku)


class Quotes:
    def __init__(self, base, retries=2):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                transport=httpx.AsyncHTTPTransport(retries=retries, verify=TLS_CONTEXT),
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def quote(self, sku):
        return (await self.session.get(f"{self.base}/prices/{sku}", timeout=5)).json()


async def quote(sku):
    return await Quotes("https://shop.example.com").quote(sku)


async def prices(skus, token):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=TLS_CONTEXT,
        auth=("reader", token),
        mounts={"https://": httpx.AsyncHTTPTransport(retries=2, verify=TLS_CONTEXT)},
    ) as session:
        # TODO(migrate MIG001): httpx takes proxy=/mounts= when the client is made
        # session.proxies.update({"ftp": "http://proxy.internal:3128"})
        # TODO(migrate MIG001): Retry(read=) not carried: httpx retries connections only
        session.event_hooks["response"].append(response_hook(print))
        responses = await gather_in_order(
            (session.get(f"https://shop.example.com/prices/{sku}") for sku in skus),
            limit=10,
        )
        return [response.json() for response in responses]


async def stock(sku):
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=TLS_CONTEXT,
        max_redirects=3,
        mounts={
            "http://": httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=4),
                verify=TLS_CONTEXT,
            )
        },
    )
    session.headers["Accept"] = "application/json"
    url = f"https://shop.example.com/stock/{sku}"
    try:
        return (await session.get(url)).json()
    finally:
        await session.aclose()
