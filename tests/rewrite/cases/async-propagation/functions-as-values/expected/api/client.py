import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .calls import retry_call


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        return (await retry_call(self.session.get, f"{self.base}/users/{uid}")).json()

    async def status(self):
        return (await self.session.get(f"{self.base}/status")).json()["ok"]


async def by_verb(session: httpx.AsyncClient, method, url):
    return (await getattr(session, method)(url)).status_code


async def verb_status(base, method):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        return await by_verb(session, method, base + "/status")


async def verb_json(base, method, path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        return (await getattr(session, method)(base + path)).json()
