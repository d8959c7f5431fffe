import asyncio
import functools
import time

import httpx

from _async_helpers import TLS_CONTEXT


def retry(
    times=3,
    delay=0.01,
    exceptions=(
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ),
):
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay)

        return wrapper

    return decorate


def backoff(func):
    @functools.wraps(func)
    def wrapper(*args):
        try:
            return func(*args)
        except ValueError:
            time.sleep(0.01)
            return func(*args)

    return wrapper


@retry(times=2)
async def price(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()["price"]


@backoff
def parse(text):
    return int(text)
