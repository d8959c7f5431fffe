import requests

from .errors import NotFound, ServerError

BASE = "http://shop.example.com"


def product(key):
    response = requests.get(f"{BASE}/products/{key}", timeout=5)
    if response.status_code == 404:
        raise NotFound("no such product", response)
    if response.status_code >= 500:
        raise ServerError(response.text, response)
    return response.json()
