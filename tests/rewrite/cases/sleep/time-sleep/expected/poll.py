import asyncio

import httpx

from _async_helpers import TLS_CONTEXT


async def wait_until_ready(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        while (await http_client.get(url, timeout=5)).status_code != 200:
            await asyncio.sleep(0.5)
    return True
