import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def create(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(f"{BASE}/items", json={"name": name}, timeout=5)
        ).json()


async def remove(item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        await http_client.delete(f"{BASE}/items/{item_id}", timeout=5)
