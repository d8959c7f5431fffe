import json

import httpx

from _async_helpers import TLS_CONTEXT, StatusError

BASE = "https://api.example.com"


async def fetch(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}{path}", timeout=5)
    if response.status_code == 202:
        raise StatusError("not ready yet")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def describe(path):
    try:
        return {"data": await fetch(path)}
    except httpx.HTTPStatusError as exc:
        sent = exc.request
        return {"status error": sent.method if sent is not None else None}
    except (httpx.HTTPError, httpx.InvalidURL, json.JSONDecodeError) as exc:
        sent = getattr(exc, "request", None)
        return {"failed": sent.method if sent is not None else None}


async def page(path):
    return await describe(path)
