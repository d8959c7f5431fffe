import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def describe(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        resp = await http_client.get(url, timeout=5)
    if not resp.status_code < 400:
        return f"{resp.status_code} {resp.reason_phrase} from {str(resp.url)}"
    return "fine"


async def checked(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        resp = await http_client.get(url, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def lines(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        resp = await http_client.get(url, timeout=5)
    # TODO(migrate): MIG001: iter_lines() needs a streamed response: `async with client.stream(...)` and `async for ... in r.aiter_lines()`
    return list(resp.iter_lines())


def from_parameter(resp: httpx.Response) -> bool:
    return resp.status_code < 400


async def load(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return from_parameter(await http_client.get(url, timeout=5))
