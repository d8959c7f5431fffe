import httpx

from _async_helpers import TLS_CONTEXT


async def requirements(base, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{base}/pypi/{name}/json", timeout=10)
    if r.is_error:
        r.raise_for_status()
    return r.json()["requires"]


async def walk(base, name, seen=None):
    """Dependency names in depth-first pre-order, each visited once."""
    seen = set() if seen is None else seen
    if name in seen:
        return []
    seen.add(name)
    found = [name]
    for dep in await requirements(base, name):
        found.extend(await walk(base, dep, seen))
    return found


async def resolve(base, name, memo):
    """Nested {name: deps} tree; each project fetched once (memo shared by the caller)."""
    if name in memo:
        return memo[name]
    node = {
        "name": name,
        "deps": [await resolve(base, d, memo) for d in await requirements(base, name)],
    }
    memo[name] = node
    return node
