"""A client whose session is set up by its constructor's arguments."""

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base, retries=3, verify=True, token=None):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                verify=TLS_CONTEXT if verify else False,
                transport=httpx.AsyncHTTPTransport(
                    retries=self.retries, verify=TLS_CONTEXT if verify else False
                ) if self.retries is not None else None,
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.retries = retries
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    async def get(self, path):
        response = await self.session.get(f"{self.base}/{path}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


async def fetch(path, **options):
    return await Client("https://api.example.com", **options).get(path)
