import httpx

from _async_helpers import TLS_CONTEXT

BASE = "http://chat.example.com"


class Api:
    async def display_name(self, user_id):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            resp = await http_client.get(f"{BASE}/profile/{user_id}", timeout=5)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()["name"]
