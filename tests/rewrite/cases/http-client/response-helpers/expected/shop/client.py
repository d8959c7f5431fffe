"""A client class whose methods hand their responses to helpers."""

import httpx

from shop import checks
from shop._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Shop:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _request(self, path):
        return await self.session.get(f"{self.base_url}{path}")

    def _check(self, r):
        if r.is_error:
            r.raise_for_status()
        return r

    def _json(self, r):
        return self._check(r).json()

    async def item(self, number):
        r = await self._request(f"/items/{number}")
        return self._json(r)

    async def stock(self, number):
        return self._json(r=await self.session.get(f"{self.base_url}/stock/{number}"))

    async def price(self, number):
        resp = await self._request(f"/prices/{number}")
        return checks.raise_for(response=resp).json()["price"]

    async def status(self, number):
        return checks.failure(await self._request(f"/items/{number}")) or "fine"


def summary(resp):
    if resp.is_error:
        return "unavailable"
    checked = resp.raise_for_status() if resp.is_error else None
    return f"{len(resp.json())} fields, checked: {checked}"


async def describe(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return summary(await http_client.get(url))
