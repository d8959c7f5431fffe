import asyncio
import functools
import logging

import httpx

from _async_helpers import TLS_CONTEXT

API = "http://status.example.com"
log = logging.getLogger(__name__)


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


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        log.info("calling %s", fn.__name__)
        return await fn(*args, **kwargs)

    return wrapper


async def _status(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/status/{name}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def _incidents(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{API}/incidents/{name}", timeout=5)).json()


status = Retry(3)(_status)
incidents = logged(_incidents)
# Kept for callers of the old name.
get_status = status


async def state_of(name):
    return (await status(name))["state"]
