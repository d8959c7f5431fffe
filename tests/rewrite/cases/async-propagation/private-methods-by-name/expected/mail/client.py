import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class MailClient:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _get(self, path):
        response = await self.session.get(self.base + path)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def _delete(self, path):
        response = await self.session.delete(self.base + path)
        if response.is_error:
            response.raise_for_status()
        return response.status_code
