import httpx

from ._async_helpers import TLS_CONTEXT


class Client:
    async def items(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get("https://api.example.com/items")).json()

    async def users(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get("https://api.example.com/users")).json()
