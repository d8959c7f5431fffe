
import asyncio

import requests


async def wait_until_ready(url):
    # TODO(migrate): MIG001: one-off request outside a statement: not rewritten
    while requests.get(url, timeout=5).status_code != 200:
        await asyncio.sleep(0.5)
    return True
