import httpx

from _async_helpers import TLS_CONTEXT

BASE = "http://hooks.example.com"


async def send(message):
    """Post a chat message; True when the webhook accepted it."""
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(f"{BASE}/send", json={"text": message}, timeout=5)
    return not r.is_error


async def latest():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/feed", timeout=5)
    if r.is_error:
        return None
    return r.json()["items"][0]


async def checked():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{BASE}/feed", timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()["items"]
