import json as jsonlib

import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def item(name):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{BASE}/items/{name}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()
    except (httpx.HTTPError, httpx.InvalidURL, jsonlib.JSONDecodeError) as exc:
        return {"failed": type(exc).__name__ != ""}


def cached(text):
    return jsonlib.loads(text)
