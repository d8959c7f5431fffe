import asyncio

import httpx

from _async_helpers import TLS_CONTEXT

API = "http://status.example.com"


class Retry:
    """Retries what it decorates when the upstream answers with an error."""

    def __init__(self, times, pause=0.01):
        self.times = times
        self.pause = pause

    def __call__(self, fn):
        async def wrapped(*args, **kwargs):
            for attempt in range(self.times):
                try:
                    return await fn(*args, **kwargs)
                except httpx.HTTPStatusError:
                    if attempt == self.times - 1:
                        raise
                    await asyncio.sleep(self.pause)

        return wrapped


@Retry(3)
async def status(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/status/{name}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def state_of(name):
    return (await status(name))["state"]
