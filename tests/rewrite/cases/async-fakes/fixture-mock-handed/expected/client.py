import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class Users:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get_by_id(self, uid):
        return (await self.session.get(f"{BASE}/users/{uid}")).json()


class User:
    def __init__(self, client: Users, uid):
        self._client = client
        self.uid = uid

    async def name(self):
        return (await self._client.get_by_id(self.uid))["name"]
