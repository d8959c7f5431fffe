"""Sessions and responses known only from their annotations."""

from typing import Optional, Union

import requests


class Catalog:
    session: Optional[requests.Session]

    def __init__(self, base: str, session: Optional[requests.Session] = None):
        self.base = base
        self.session = session

    def item(self, sku):
        resp: requests.Response = self.session.get(f"{self.base}/items/{sku}")
        resp.raise_for_status()
        return resp.json()


def price(session: "requests.Session | None", base, sku):
    resp: Optional[requests.Response] = session.get(f"{base}/items/{sku}")
    return checked(resp)["price"]


def checked(resp: Union[requests.Response, None]):
    resp.raise_for_status()
    return resp.json()


def item_and_price(base, sku):
    with requests.Session() as session:
        return Catalog(base, session).item(sku), price(session, base, sku)
