import time

import httpx


async def wait_until_ready(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        while (await http_client.get(url, timeout=5)).status_code != 200:
            time.sleep(0.5)
    return True
