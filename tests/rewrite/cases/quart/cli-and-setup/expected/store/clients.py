import asyncio
from collections.abc import Callable
from typing import Any

import httpx


def _new_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=5.0,
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=None),
    )


# One client for the process: Quart serves every request on one event loop.
http: httpx.AsyncClient


async def open_http() -> None:
    global http
    http = _new_http()


async def close_http() -> None:
    await http.aclose()


async def fetch_stock() -> dict[str, int]:
    resp = await http.get("https://stock.example/v1/levels")
    return dict(resp.json())
