import asyncio
from time import monotonic

import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def poll(url, attempts):
    started = monotonic()
    for _ in range(attempts):
        async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
            if (await http_client.get(url, timeout=5)).status_code < 400:
                return monotonic() - started
        await asyncio.sleep(1)
    return None


async def pause():
    await asyncio.sleep(2)
