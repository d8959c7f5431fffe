import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .pager import Counter, Pager


class Users:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get(self, page, size=2):
        response = await self.session.get(
            f"{self.base}/users", params={"page": page, "size": size}
        )
        if response.is_error:
            response.raise_for_status()
        body = response.json()
        return body["items"], body["more"]

    async def count(self):
        return (await self.session.get(f"{self.base}/users/count")).json()["count"]

    def all(self):
        return Pager(self, size=2)


async def names(base):
    return [user["name"] async for user in Users(base).all()]


async def first(base):
    async for user in Users(base).all():
        return user["name"]
    return None


async def total(base):
    return await Counter(Users(base)).total()
