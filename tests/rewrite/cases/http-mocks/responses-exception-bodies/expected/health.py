import httpx

from _async_helpers import TLS_CONTEXT


async def ping(base):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.get(base + "/ping", timeout=2)
    except httpx.ConnectTimeout:
        return "connect-timeout"
    except httpx.ReadTimeout:
        return "read-timeout"
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return "down"
    return r.text if not r.is_error else f"{r.status_code}"
