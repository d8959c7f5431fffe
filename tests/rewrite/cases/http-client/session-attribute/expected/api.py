import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["X-Key"] = "k"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        return (await self.session.get(f"{self.base}/users/{uid}")).json()


async def load(uid):
    return await Api("http://x").user(uid)
