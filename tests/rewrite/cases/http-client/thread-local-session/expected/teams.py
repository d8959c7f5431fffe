import threading

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://api.example.com"
_local = threading.local()


def session():
    s = getattr(_local, "s", None)
    if s is None:
        def _new_s() -> httpx.AsyncClient:
            s = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            s.headers["X-Team-Client"] = "1"
            return s

        s = _local.s = AsyncClientPerLoop(_new_s)
    return s


async def members(team):
    r = await session().get(f"{BASE}/teams/{team}/members", timeout=5)
    if r.is_error:
        r.raise_for_status()
    return r.json()


def close():
    s = getattr(_local, "s", None)
    if s is not None:
        s.close()
