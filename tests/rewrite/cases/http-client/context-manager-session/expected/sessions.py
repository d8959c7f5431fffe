import contextlib

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


@contextlib.asynccontextmanager
async def api_session(token):
    """A session sending the token, closed when the block ends."""
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers["Authorization"] = f"Bearer {token}"
    try:
        yield session
    finally:
        await session.aclose()


async def whoami(base, token):
    async with api_session(token) as session:
        response = await session.get(base + "/me", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()["name"]


async def both(base, token):
    async with api_session(token) as session:
        first_response, second_response = await gather_in_order(
            session.get(base + "/me", timeout=5),
            session.get(base + "/status", timeout=5),
        )
        first = first_response.json()["name"]
        second = second_response.json()["state"]
    return first, second


async def auth_header(token):
    async with api_session(token) as session:
        return session.headers["Authorization"]
