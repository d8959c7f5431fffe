import asyncio
import functools
import inspect
import logging
from collections.abc import Awaitable
from typing import Any

import httpx


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


log = logging.getLogger(__name__)


def logged(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("calling %s", func.__name__)
        return await func(*args, **kwargs)

    return wrapper


@logged
async def fetch(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_all(urls):
    return await _gather_in_order(*(fetch(url) for url in urls), limit=10)
