from copy import copy

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Downloader:
    def __init__(self, api):
        self.api = api
        self.page_size = 50

    async def fetch(self, path):
        response = await self.api.session.get(
            self.api.base + path, params={"size": self.page_size}, timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()


class ReportsAPI:
    def __init__(self, base, user=None, password=None):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        if user and password:
            self.session.auth = (user, password)
        self.base = base
        self.client_name = "reports/1.0"
        self.session.headers["X-Client"] = self.client_name
        self.downloader = Downloader(self)

    async def fetch(self, path, page_size=None):
        downloader = copy(self.downloader)
        if page_size:
            downloader.page_size = page_size
        return await downloader.fetch(path)


async def totals(base, paths):
    api = ReportsAPI(base, "ada", "secret")
    results = await gather_in_order(
        (api.fetch(path, page_size=10) for path in paths), limit=10
    )
    return [result["total"] for result in results]
