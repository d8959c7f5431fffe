import functools

import httpx
import requests

from ._async_helpers import TLS_CONTEXT

VERBS = {"get": "get", "delete": "delete"}


async def call(method, url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await getattr(http_client, VERBS[method])(url, timeout=5)).status_code


get_short = functools.partial(requests.get, timeout=5)


def short(url):
    return get_short(url).json()


async def looked_up(method, url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await getattr(http_client, method)(url, timeout=5)).status_code
