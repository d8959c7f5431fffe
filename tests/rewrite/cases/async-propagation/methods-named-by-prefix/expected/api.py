import httpx

from _async_helpers import TLS_CONTEXT


class Api:
    def __init__(self, base):
        self.base = base

    async def _get(self, path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def get_user(self, uid):
        return await self._get(f"/users/{uid}")

    async def get_team(self, tid):
        return await self._get(f"/teams/{tid}")

    def label(self, kind):
        return kind.title()

    async def fetch(self, kind, ident):
        return await getattr(self, "get_" + kind)(ident)

    async def fetch_named(self, kind, ident):
        found = await getattr(self, f"get_{kind}")(ident)
        return f"{self.label(kind)}: {found['name']}"
