import asyncio
from time import monotonic

import httpx

from _async_helpers import TLS_CONTEXT


async def poll(url, attempts):
    started = monotonic()
    for _ in range(attempts):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            if not (await http_client.get(url, timeout=5)).is_error:
                return monotonic() - started
        await asyncio.sleep(1)
    return None


async def pause():
    await asyncio.sleep(2)
