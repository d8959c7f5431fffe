import httpx

from . import client, errors


async def reachable(url):
    try:
        await client.fetch(url)
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return False
    except errors.LibError:
        return True
    return True
