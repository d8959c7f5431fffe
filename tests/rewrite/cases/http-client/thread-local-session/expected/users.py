import threading

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "https://api.example.com"
_local = threading.local()


def _session():
    if not hasattr(_local, "s"):
        def _new_s() -> httpx.AsyncClient:
            s = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            s.headers["Accept"] = "application/json"
            return s

        _local.s = AsyncClientPerLoop(_new_s)
    return _local.s


async def get_user(i):
    return (await _session().get(f"{BASE}/users/{i}")).json()


async def get_users(ids):
    return await gather_in_order(map(get_user, ids), limit=2)
