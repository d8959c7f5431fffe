import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def user(uid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/users/{uid}", timeout=5)).json()


async def remove(uid):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.request("DELETE", f"{BASE}/users/{uid}")).status_code
