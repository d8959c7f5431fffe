"""Talks to the catalogue service."""
from dataclasses import dataclass
from typing import Optional

import requests

API = "http://catalogue.local/api"
DEFAULT_TIMEOUT = (3.05, 10)


@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: Optional[int] = None


class RemoteError(RuntimeError):
    pass


def _get(path, **params):
    resp = requests.get(f"{API}{path}", params=params or None, timeout=DEFAULT_TIMEOUT)
    if resp.status_code == 404:
        return None
    if not resp.ok:
        raise RemoteError(f"{path}: {resp.status_code} {resp.reason}")
    return resp.json()


def product(sku: str) -> Optional[Product]:
    data = _get(f"/products/{sku}")
    if data is None:
        return None
    return Product(sku=sku, name=data["name"], price=float(data["price"]))


def stock_level(sku: str) -> int:
    data = _get(f"/stock/{sku}")
    return int(data["available"]) if data else 0


def push_price(sku: str, price: float) -> bool:
    resp = requests.put(f"{API}/products/{sku}/price", json={"price": price}, timeout=DEFAULT_TIMEOUT)
    return resp.status_code == 204
