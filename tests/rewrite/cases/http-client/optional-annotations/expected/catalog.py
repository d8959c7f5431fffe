"""Sessions and responses known only from their annotations."""

from typing import Optional, Union

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


class Catalog:
    session: Optional[httpx.AsyncClient]

    def __init__(self, base: str, session: Optional[httpx.AsyncClient] = None):
        self.base = base
        self.session = session

    async def item(self, sku):
        resp: httpx.Response = await self.session.get(f"{self.base}/items/{sku}")
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()


async def price(session: "httpx.AsyncClient | None", base, sku):
    resp: Optional[httpx.Response] = await session.get(f"{base}/items/{sku}")
    return checked(resp)["price"]


def checked(resp: Union[httpx.Response, None]):
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def item_and_price(base, sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        item, price_result = await gather_in_order(
            Catalog(base, session).item(sku),
            price(session, base, sku),
        )
        return item, price_result
