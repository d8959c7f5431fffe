"""The client: holds a session and hands itself to the objects it makes."""

import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values
from .region import Region


class Gazetteer:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http = AsyncClientPerLoop(_new_http)

    async def lookup(self, path, **params):
        resp = await self.http.get(
            self.base_url + path, params=requests_values(params), timeout=5
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    def region(self, code):
        return Region(self, code)

    def regions(self, codes):
        return [Region(self, code) for code in codes]
