import httpx

from ._async_helpers import TLS_CONTEXT
from .memo import memoize


@memoize
async def user(base, login):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(f"{base}/users/{login}", timeout=10)
    if r.is_error:
        r.raise_for_status()
    return r.json()


async def commit_authors(base, commits):
    return [(await user(base, c["author"]))["name"] for c in commits]
