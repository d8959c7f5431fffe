import httpx
import requests

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def item(item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/items/{item_id}")
    if response.status_code == httpx.codes.not_found:
        return None
    if response.status_code != httpx.codes.ok:
        raise RuntimeError(response.status_code)
    return response.json()


async def brew():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.post(f"{BASE}/coffee")
    return response.status_code == requests.codes.teapot
