import functools
import logging

import httpx

log = logging.getLogger(__name__)


def logged(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("calling %s", func.__name__)
        return await func(*args, **kwargs)

    return wrapper


@logged
async def fetch(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_all(urls):
    return [await fetch(url) for url in urls]
