import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def ping(self):
        resp = await self.session.get(self.base + "/ping", timeout=5)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    async def status(self):
        try:
            await self.ping()
        except (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ):
            return "down"
        return "up"
