import functools

import httpx
import requests

from ._async_helpers import TLS_CONTEXT


def retry_call(func, *args, tries=3, **kwargs):
    for attempt in range(tries):
        try:
            return func(*args, **kwargs)
        except requests.ConnectionError:
            if attempt == tries - 1:
                raise


def get_json(url):
    return retry_call(requests.get, url, timeout=5).json()


VERBS = {"get": requests.get, "delete": requests.delete}


def call(method, url):
    return VERBS[method](url, timeout=5).status_code


get_short = functools.partial(requests.get, timeout=5)


def short(url):
    return get_short(url).json()


async def direct(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(url, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()
