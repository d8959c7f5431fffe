import asyncio
import threading
import weakref
from collections.abc import Callable
from typing import Any

import httpx


class _AsyncClientPerLoop:
    """One httpx.AsyncClient per running event loop, made by ``factory``."""

    def __init__(self, factory: Callable[[], httpx.AsyncClient]) -> None:
        self._factory = factory
        self._clients: weakref.WeakKeyDictionary[Any, httpx.AsyncClient] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._clients.setdefault(loop, self._factory())
        return getattr(client, name)


def _new_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=5.0)


http = _AsyncClientPerLoop(_new_http)


async def fetch_stock() -> dict[str, int]:
    resp = await http.get("https://stock.example/v1/levels")
    return dict(resp.json())
