import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    """A token fetched once, under a lock, by whichever thread needs it first."""

    def __init__(self, base_url):
        self.base_url = base_url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self._lock = threading.Lock()
        self._token = None

    async def _auth(self):
        with self._lock:
            if self._token is None:
                response = await self.session.post(self.base_url + "/token", timeout=5)
                if response.is_error:
                    response.raise_for_status()
                self._token = response.json()["token"]
            return {"Authorization": "Bearer " + self._token}

    async def item(self, item_id):
        response = await self.session.get(
            f"{self.base_url}/items/{item_id}", headers=await self._auth(), timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def items(self, ids):
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(async_to_sync(self.item), ids))
