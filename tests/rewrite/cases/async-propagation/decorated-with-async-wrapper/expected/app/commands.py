import functools

import httpx

from app._async_helpers import TLS_CONTEXT


class Unauthorized(Exception):
    pass


def handled(func):
    @functools.wraps(func)
    async def wrapper(*args):
        try:
            return await func(*args)
        except Unauthorized:
            return "not authorized"

    return wrapper


@handled
async def show(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(url, timeout=5)
    if r.status_code == 401:
        raise Unauthorized()
    return r.json()["name"]


@handled
async def version():
    return "1.0"
