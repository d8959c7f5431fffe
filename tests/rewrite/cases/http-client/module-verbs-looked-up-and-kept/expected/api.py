import httpx

from _async_helpers import TLS_CONTEXT, requests_values

BASE = "http://api.example.com"


async def call(method, path, **params):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        send = getattr(http_client, method.lower())
        response = await send(BASE + path, params=requests_values(params), timeout=10)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def status_logged(method, path, log):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        if method:
            send = getattr(http_client, method.lower())
            log.append(method.lower())
        response = await send(BASE + path)
    log.append(response.status_code)
    return not response.is_error, response.reason_phrase


async def fetch_each(method, paths):
    found = []
    for path in paths:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            send = getattr(http_client, method)
            found.append((await send(BASE + path)).json())
    return found


async def items():
    return await call("GET", "/items", page=1)


async def fetch_pair(method, first, second):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        one = getattr(http_client, method)
        a = (await one(BASE + first)).json()
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        two = getattr(http_client, method)
        b = (await two(BASE + second)).json()
    return a, b


async def fetch_both(method, first, second):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        one = getattr(http_client, method)
        two = getattr(http_client, method)
        return (await one(BASE + first)).json(), (await two(BASE + second)).json()
