import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_SESSION() -> httpx.AsyncClient:
    SESSION = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    SESSION.headers["Accept"] = "application/json"
    return SESSION


SESSION = AsyncClientPerLoop(_new_SESSION)


async def fetch(session, url):
    return (await session.get(url, timeout=5)).json()


async def status():
    return await fetch(SESSION, "https://api.example.com/status")
