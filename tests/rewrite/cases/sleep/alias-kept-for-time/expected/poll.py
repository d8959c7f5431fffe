import asyncio
import time as t

import httpx

from _async_helpers import TLS_CONTEXT


async def timed_fetch(url):
    started = t.time()
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    await asyncio.sleep(0.1)
    return resp.status_code, t.time() - started
