import asyncio

import httpx

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def wait_until_up(url, tries=3):
    for _ in range(tries):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            if not (await http_client.get(url, timeout=5)).is_error:
                return True
        await asyncio.sleep(0.01)
    return False
