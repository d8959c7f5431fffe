import httpx

from _async_helpers import TLS_CONTEXT
from ratelimit import rate_limited


@rate_limited(calls=2, period=1.0)
async def lookup(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(f"http://names.example.com/names/{name}", timeout=5)
        ).json()
