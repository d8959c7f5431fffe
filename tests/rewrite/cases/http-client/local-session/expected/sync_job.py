import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def sync_all(urls):
    results = []
    async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as session:
        session.headers["Accept"] = "application/json"
        for url in urls:
            results.append((await session.get(url, timeout=5)).json())
    return results


async def ping(base_url):
    async with httpx.AsyncClient(base_url=base_url, timeout=3, verify=_TLS_CONTEXT) as client:
        return (await client.get("/ping")).status_code


async def leaky(url):
    # TODO(migrate): MIG001: close this client with `await client.aclose()` (or use `async with`)
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT)
    return (await session.get(url)).text
