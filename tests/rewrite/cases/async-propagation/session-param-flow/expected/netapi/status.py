import httpx

from ._async_helpers import TLS_CONTEXT
from .query import Request


async def status(base):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        session.headers["Accept"] = "application/json"
        return await Request(f"{base}/api", session).get_status()


async def both(base):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        first = await Request(f"{base}/api", http_session=session).get_status()
        second = await Request(f"{base}/plugins", http_session=session).get_status()
    return [first, second]
