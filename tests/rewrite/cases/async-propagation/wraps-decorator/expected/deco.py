import functools
import logging

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

log = logging.getLogger(__name__)


def logged(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("calling %s", func.__name__)
        return await func(*args, **kwargs)

    return wrapper


@logged
async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_all(urls):
    return await gather_in_order((fetch(url) for url in urls), limit=10)
