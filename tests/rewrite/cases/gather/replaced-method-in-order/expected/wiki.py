import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Wiki:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, path):
        return (await self.session.get(self.base + path, timeout=5)).json()

    async def parents(self, category):
        return await self.get(f"/categories/{category}/parents")

    async def members(self, category):
        return await self.get(f"/categories/{category}/members")

    async def tree(self, category):
        tries = 0
        while True:
            try:
                parents = await self.parents(category)
                members = await self.members(category)
                return {"parents": parents, "members": members}
            except Exception:
                tries += 1
                if tries > 2:
                    return None
