import threading

import httpx
from asgiref.sync import async_to_sync

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def refresh(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        await http_client.post(url, timeout=5)


async def start(url):
    await refresh(url)
    thread = threading.Thread(target=async_to_sync(refresh), args=(url,))
    thread.start()
    return thread
