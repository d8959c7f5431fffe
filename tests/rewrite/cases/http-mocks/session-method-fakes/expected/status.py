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

    async def status(self, path):
        return (await self.session.get(self.base + path, timeout=5)).status_code

    async def create(self, path, payload):
        return (
            await self.session.post(self.base + path, json=payload, timeout=5)
        ).json()
