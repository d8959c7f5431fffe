import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, RetryError, RetryTransport


class Orders:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                transport=RetryTransport(
                    httpx.AsyncHTTPTransport(retries=3, verify=TLS_CONTEXT),
                    total=3,
                    status_forcelist=(500, 502, 503, 504),
                    allowed_methods=frozenset(["GET", "PUT"]),
                ),
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, order_id):
        try:
            r = await self.session.get(f"{self.base}/orders/{order_id}", timeout=10)
        except RetryError:
            return None
        if r.is_error:
            r.raise_for_status()
        return r.json()

    async def place(self, order):
        r = await self.session.post(f"{self.base}/orders", json=order, timeout=10)
        if r.status_code >= 500:
            return {"queued": False, "status": r.status_code}
        return r.json()


def lenient_session():
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        mounts={
            "http://": RetryTransport(
                httpx.AsyncHTTPTransport(retries=1, verify=TLS_CONTEXT),
                total=1,
                status_forcelist=[502],
                raise_on_status=False,
            )
        },
        verify=TLS_CONTEXT,
    )
    return session


async def stock(base, sku):
    async with lenient_session() as session:
        return (await session.get(f"{base}/stock/{sku}")).status_code
