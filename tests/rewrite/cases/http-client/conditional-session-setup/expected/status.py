"""A module's session, set up by the environment it is imported in."""

import os

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=False if os.environ.get("STATUS_INSECURE") else TLS_CONTEXT,
        transport=httpx.AsyncHTTPTransport(
            retries=3,
            verify=False if os.environ.get("STATUS_INSECURE") else TLS_CONTEXT,
        ) if os.environ.get("STATUS_RETRIES") else None,
    )


session = AsyncClientPerLoop(_new_session)


async def status(base):
    return (await session.get(f"{base}/status", timeout=5)).json()
