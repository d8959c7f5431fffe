import asyncio
import time

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def with_retries(fn, attempts=3, delay=0.01):
    for attempt in range(attempts):
        try:
            return await fn()
        except (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ):
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(delay)


async def timed(label, call):
    started = time.monotonic()
    result = await call()
    return label, result, time.monotonic() >= started


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(url, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def load(url):
    return await with_retries(lambda: fetch(url))


async def load_twice(first, second):
    first_with_retries_result, second_with_retries_result = await gather_in_order(
        with_retries(lambda: fetch(first)),
        with_retries(lambda: fetch(second), attempts=1),
    )
    return [first_with_retries_result, second_with_retries_result]


async def labelled(url):
    label, result, ok = await timed("user", call=lambda: fetch(url))
    return {label: result, "ok": ok}
