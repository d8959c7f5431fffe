import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class ApiSession(httpx.AsyncClient):
    def __init__(self, token):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.headers["Authorization"] = f"Bearer {token}"


class Client:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            session = ApiSession(token)
            session.headers["X-Client"] = "1"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def item(self, item_id):
        response = await self.session.get(f"{BASE}/items/{item_id}")
        if response.is_error:
            response.raise_for_status()
        return response.json()


CLIENT = Client("secret")


async def item(item_id):
    return await CLIENT.item(item_id)
