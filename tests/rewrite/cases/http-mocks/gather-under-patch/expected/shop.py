import httpx

from _async_helpers import TLS_CONTEXT


class Shop:
    async def user(self, uid):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(f"http://shop.example.com/users/{uid}", timeout=5)
            ).json()
