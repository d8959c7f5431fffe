import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

API = "http://registry.example.com"


async def exists(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/packages/{name}", timeout=5)
    if response.status_code == 404:
        return False
    if response.is_error:
        response.raise_for_status()
    return True


async def info(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/packages/{name}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def published(names):
    names = list(names)
    results = await gather_in_order((exists(name) for name in names), limit=10)
    return [name for name, exists in zip(names, results) if exists]


async def popular(names, floor):
    names = list(names)
    all_info = await gather_in_order((info(name) for name in names), limit=10)
    found = {
        name.lower()
        for name, info in zip(names, all_info)
        if info["downloads"] >= floor
    }
    return sorted(found)


async def from_lines(lines):
    names = (line.strip() for line in lines)
    names = list(names)
    results = await gather_in_order((exists(name) for name in names), limit=10)
    kept = [name for name, exists in zip(names, results) if not exists]
    return kept


async def named_only(names):
    return [name for name in names if name and await exists(name)]
