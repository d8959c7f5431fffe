import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT


async def get_json(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=10)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


def staggered(base, names, gap=0.01):
    """Submit one request every `gap` seconds so the API never sees a burst."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = []
        for name in names:
            futures.append(pool.submit(async_to_sync(get_json), f"{base}/feeds/{name}"))
            time.sleep(gap)
        return [f.result()["count"] for f in futures]
