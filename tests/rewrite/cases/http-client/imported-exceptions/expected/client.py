import httpx

from _async_helpers import TLS_CONTEXT


async def fetch(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(url, timeout=2)).json()
    except httpx.ReadTimeout:
        return {"error": "timeout"}
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return {"error": "unreachable"}


def is_timeout(exc):
    return isinstance(exc, httpx.ReadTimeout)
