import asyncio

import httpx

from ._async_helpers import TLS_CONTEXT

RETRY_STATUSES = {502, 503, 504}


async def get_json(url, retries=2, backoff=0.01):
    """GET a JSON document, retrying transient upstream errors."""
    for attempt in range(retries + 1):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=5)
        if response.status_code in RETRY_STATUSES and attempt < retries:
            await asyncio.sleep(backoff * (2**attempt))
            continue
        if response.is_error:
            response.raise_for_status()
        return response.json()


async def wait_until_built(url, attempts=5):
    """Poll a job: 202 while it is being built."""
    for _ in range(attempts):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=5)
        if response.status_code == 202:
            await asyncio.sleep(0.01)
            continue
        return response.json()
    raise TimeoutError(url)
