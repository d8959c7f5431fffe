from urllib.request import Request, urlopen

import httpx

BASE = "https://shop.example.com"


async def fetch_item(item_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.get(f"{BASE}/items/{item_id}", timeout=5)
        resp.raise_for_status()
        return resp.json()


def download(item_id):
    request = Request(f"{BASE}/items/{item_id}/file")
    request.add_header("Accept", "application/octet-stream")
    with urlopen(request, timeout=5) as resp:
        return resp.read()
