import asyncio
from time import monotonic, sleep

import requests


async def poll(url, attempts):
    started = monotonic()
    for _ in range(attempts):
        # TODO(migrate): MIG001: one-off request outside a statement: not rewritten
        if requests.get(url, timeout=5).ok:
            return monotonic() - started
        await asyncio.sleep(1)
    return None


async def pause():
    await asyncio.sleep(2)
