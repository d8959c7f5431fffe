import httpx

from ._async_helpers import PoolPerOrigin


def _new_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=5.0, transport=PoolPerOrigin())


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
