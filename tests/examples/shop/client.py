"""The HTTP client of the shop: one shared session."""
# checks: BRIDGE OFFLOAD SPOT REVIEW BOUNDARY

import requests

BASE = "https://shop.example.com"
session = requests.Session()


def fetch_product(sku):  # ASYNC: calls requests.Session.get
    return session.get(f"{BASE}/products/{sku}", timeout=5).json()  # BLOCKING: requests.Session.get


def fetch_price(sku):  # ASYNC: calls requests.Session.get
    return session.get(f"{BASE}/prices/{sku}", timeout=5).json()  # BLOCKING: requests.Session.get


def place_order(sku, quantity):  # ASYNC: calls requests.Session.post
    body = {"sku": sku, "quantity": quantity}
    return session.post(f"{BASE}/orders", json=body, timeout=5)  # BLOCKING: requests.Session.post
