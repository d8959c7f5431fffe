import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def fetch_insecure(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=False) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_with_cookies(url, cookies):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, cookies=cookies, verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_with_cert(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, cert=("client.crt", "client.key"), verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(url, timeout=5)).json()
