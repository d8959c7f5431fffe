import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    SESSION = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    SESSION.headers["User-Agent"] = "health/1"
    return SESSION


SESSION = AsyncClientPerLoop(_new_session)


async def status_text(url):
    response = await SESSION.get(url, timeout=2)
    if response.is_error:
        return "DOWN (%d)" % response.status_code
    return "UP"
