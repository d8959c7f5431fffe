import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

BASE = "https://api.shelf.test"


class Shelf:
    def __init__(self, token):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Authorization"] = f"Bearer {token}"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def books(self, **params):
        r = await self.session.get(
            f"{BASE}/books", params=requests_values(params), timeout=5
        )
        if r.is_error:
            r.raise_for_status()
        return r.json()

    async def add(self, title):
        r = await self.session.post(f"{BASE}/books", json={"title": title}, timeout=5)
        if r.is_error:
            r.raise_for_status()
        return r.json()["id"]
