import json

import httpx

USER_AGENT = "feeds/1.0"


async def latest(base, feed):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.get(
                f"{base}/feeds/{feed}", headers={"User-Agent": USER_AGENT}, timeout=5
            )
            resp.raise_for_status()
            return resp.json()["entries"][0]
    except httpx.HTTPStatusError as exc:
        if exc.response.status_code == 404:
            return None
        raise


async def post_entry(base, feed, title):
    body = json.dumps({"title": title}).encode()
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.request(
            "POST",
            f"{base}/feeds/{feed}",
            content=body,
            headers={"Content-Type": "application/json"},
        )
        resp.raise_for_status()
        return resp.status_code
