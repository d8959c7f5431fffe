import httpx


async def is_up(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.get(url, timeout=2)
            resp.raise_for_status()
            return resp.status_code == 200
    except httpx.HTTPError:
        return False
