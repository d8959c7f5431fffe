import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base: str) -> None:
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path: str) -> dict:
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class Users:
    def __init__(self, client: Client) -> None:
        self.client = client

    async def name(self, uid: int) -> str:
        return (await self.client.get(f"/users/{uid}"))["name"]


async def user_name(client: Client, uid: int) -> str:
    return (await client.get(f"/users/{uid}"))["name"]
