import httpx

from cloud.groups import ServerGroup

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop

__all__ = ["Client"]

BASE = "https://cloud.example.com"


class Client:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Authorization"] = f"Bearer {token}"
            return session

        self.session = AsyncClientPerLoop(_new_session)
        self.servers = ServerGroup(self)

    async def get(self, path):
        response = await self.session.get(BASE + path, timeout=10)
        if response.is_error:
            response.raise_for_status()
        return response.json()
