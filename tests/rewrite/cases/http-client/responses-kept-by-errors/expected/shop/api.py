import httpx

from ._async_helpers import TLS_CONTEXT
from .errors import NotFound, ServerError

BASE = "http://shop.example.com"


async def product(key):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/products/{key}", timeout=5)
    if response.status_code == 404:
        raise NotFound("no such product", response)
    if response.status_code >= 500:
        raise ServerError(response.text, response)
    return response.json()
