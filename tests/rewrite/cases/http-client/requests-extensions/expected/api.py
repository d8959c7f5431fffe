import httpx
import requests
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT
from auth import ApiSession, TokenAuth

BASE = "https://api.example.com"


def private_item(item_id):
    auth = TokenAuth("secret")
    return requests.get(f"{BASE}/items/{item_id}", auth=auth, timeout=5).json()


private_item_async = sync_to_async(private_item, thread_sensitive=False)


def session_item(item_id):
    return ApiSession("secret").get(f"/items/{item_id}").json()


def prepared_item(item_id):
    session = requests.Session()
    request = requests.Request("GET", f"{BASE}/items/{item_id}", auth=TokenAuth("secret"))
    return session.send(request.prepare(), timeout=5).json()


async def public_item(item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/items/{item_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def both(item_id):
    return [await public_item(item_id), await private_item_async(item_id)]
