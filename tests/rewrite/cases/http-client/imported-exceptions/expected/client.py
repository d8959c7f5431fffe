import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch(url):
    try:
        async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
            return (await http_client.get(url, timeout=2)).json()
    except httpx.ReadTimeout:
        return {"error": "timeout"}
    except (httpx.NetworkError, httpx.ConnectTimeout):
        return {"error": "unreachable"}


def is_timeout(exc):
    return isinstance(exc, httpx.ReadTimeout)
