import httpx
import requests

from _async_helpers import TLS_CONTEXT
from auth import BodySigner, TokenAuth

BASE = "https://api.example.com"


async def item(item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            f"{BASE}/items/{item_id}", auth=TokenAuth("secret"), timeout=5
        )
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def create(payload):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=TLS_CONTEXT,
        auth=TokenAuth("secret"),
    ) as session:
        return (await session.post(f"{BASE}/items", json=payload)).json()


def signed(text):
    return requests.post(f"{BASE}/signed", data=text, auth=BodySigner()).status_code
