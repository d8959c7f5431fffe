"""any()/all() over fetches inside a statement: still lazy, as a loop before it."""

import httpx

from _async_helpers import TLS_CONTEXT


async def get_host(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"http://hosts/v1/hosts/{name}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def report(names):
    found = False
    for name in names:
        if (await get_host(name))["down"]:
            found = True
            break
    if found:
        return "degraded"
    return "ok"


async def all_patched(names):
    patched = True
    for name in names:
        if name and not ((await get_host(name))["version"] >= 3):
            patched = False
            break
    return patched


async def summary(names, label):
    passed = True
    for name in names:
        if not (await get_host(name))['up']:
            passed = False
            break
    return f"{label}: {passed}"
