import asyncio

import httpx

from _async_helpers import TLS_CONTEXT


async def fetch_with_retry(url, tries=3, pause=5):
    for attempt in range(tries):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=5)
        if response.status_code != 503 or attempt == tries - 1:
            return response.status_code
        await asyncio.sleep(pause)
