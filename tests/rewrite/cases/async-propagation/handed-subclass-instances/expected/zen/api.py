import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from .request import Handler


class BaseApi:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _delete(self, path):
        return (await self.session.delete(self.base + path)).status_code


class TicketApi(BaseApi):
    kind = "tickets"

    async def close(self, item):
        return await Handler(self).delete(item) == 204


class UserApi(BaseApi):
    kind = "users"

    async def ban(self, item):
        return await Handler(self).delete(item)


class Zen:
    def __init__(self, base):
        self.tickets = TicketApi(base)
        self.users = UserApi(base)
