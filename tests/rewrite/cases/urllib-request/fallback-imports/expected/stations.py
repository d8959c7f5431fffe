import json

import httpx


async def station(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        response = await http_client.get(url, timeout=10)
        response.raise_for_status()
        return json.loads(response.content)["name"]
