import threading

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT


async def refresh(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        await http_client.post(url, timeout=5)


async def start(url):
    await refresh(url)
    thread = threading.Thread(target=async_to_sync(refresh), args=(url,))
    thread.start()
    return thread
