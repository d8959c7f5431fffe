import httpx
import requests
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"


class Partner:
    """A partner API over the session its caller hands in, or one of its own."""

    def __init__(self, session=None):
        if session is None:
            session = requests.Session()
        self._session = session

    def orders(self):
        return self._session.get(f"{BASE}/orders", timeout=5).json()


class Shop:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.partner = Partner()

    async def summary(self):
        stock = (await self.session.get(f"{BASE}/stock", timeout=5)).json()
        return {
            "stock": stock,
            "orders": await sync_to_async(self.partner.orders, thread_sensitive=False)(),
        }
