"""Moved to httpx in this step."""

import httpx

from feeds import checks, weather
from feeds._async_helpers import TLS_CONTEXT


async def headlines(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url)
    if not checks.usable(resp):
        return checks.label(resp)
    return checks.ensure_ok(resp).json()


async def status(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return checks.moved_only(await http_client.get(url))


async def fetched(url) -> httpx.Response:
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp: httpx.Response = await http_client.get(url)
    return resp


async def alerts(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return weather.checked(await http_client.get(url))
