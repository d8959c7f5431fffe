import httpx

from _async_helpers import TLS_CONTEXT, requests_body
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


async def signed(text):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                f"{BASE}/signed", **requests_body(text), auth=BodySigner()
            )
        ).status_code
