import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch(url):
    try:
        async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (httpx.NetworkError, httpx.ConnectTimeout):
        return None
    except httpx.TimeoutException:
        return "timeout"
    except httpx.HTTPStatusError as exc:
        return str(exc)
    except httpx.HTTPError:
        return "error"


def is_network_problem(exc: Exception) -> bool:
    return isinstance(exc, (httpx.NetworkError, httpx.ConnectTimeout))


def status_of(resp: httpx.Response) -> int:
    return resp.status_code


async def fetch_quietly(url):
    try:
        async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
            return (await http_client.get(url, timeout=5)).json()
    except (httpx.NetworkError, httpx.ConnectTimeout, ValueError):
        return None
