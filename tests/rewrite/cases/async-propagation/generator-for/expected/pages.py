import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


async def pages(url):
    while url:
        async with httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT) as http_client:
            data = (await http_client.get(url, timeout=5)).json()
        yield data["items"]
        url = data.get("next")


async def count_items(url):
    total = 0
    async for items in pages(url):
        total += len(items)
    return total


async def all_items(url):
    return [item async for items in pages(url) for item in items]
