import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def send(url, payload):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
        resp = await http_client.post(url, json=payload, headers={"X-Token": "t"}, timeout=5)
    return resp.status_code
