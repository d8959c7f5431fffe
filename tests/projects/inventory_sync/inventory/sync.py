"""Reads stock levels from the warehouse and pushes them to the shop."""

from __future__ import annotations

from dataclasses import dataclass

import requests

WAREHOUSE = "https://warehouse.example.com/v2"
SHOP = "https://shop.example.com/admin/api"


class ShopError(Exception):
    """The shop refused an update."""


@dataclass(frozen=True)
class StockLevel:
    sku: str
    quantity: int


def fetch_levels(location: str, since: str | None = None) -> list[StockLevel]:
    params = {"location": location}
    if since:
        params["since"] = since
    resp = requests.get(f"{WAREHOUSE}/levels", params=params, timeout=10)
    resp.raise_for_status()
    return [StockLevel(item["sku"], item["qty"]) for item in resp.json()["items"]]


def push_level(level: StockLevel, token: str) -> bool:
    """True when the shop changed the level, False when it already had it."""
    try:
        resp = requests.put(
            f"{SHOP}/inventory/{level.sku}",
            json={"available": level.quantity},
            headers={"X-Shop-Token": token},
            timeout=10,
        )
    except requests.exceptions.ConnectTimeout as exc:
        raise ShopError(f"shop unreachable for {level.sku}") from exc
    if resp.status_code == 304:
        return False
    if resp.status_code >= 400:
        raise ShopError(f"{resp.status_code}: {resp.text}")
    return True


def sync_all(location: str, token: str) -> dict[str, int]:
    """Push every level of one location; counts of changed and unchanged SKUs."""
    counts = {"changed": 0, "unchanged": 0}
    for level in fetch_levels(location):
        if push_level(level, token):
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts
