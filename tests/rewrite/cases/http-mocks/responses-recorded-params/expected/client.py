import httpx

from _async_helpers import TLS_CONTEXT, requests_params

URL = "https://feeds.example.com/products.txt"


async def fetch_feed(since=None, tags=()):
    params = {"since": since, "tag": list(tags)} if since or tags else None
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(
            URL, params=requests_params(URL, params), timeout=5
        )
    if resp.is_error:
        resp.raise_for_status()
    return [line for line in resp.text.splitlines() if line.strip()]
