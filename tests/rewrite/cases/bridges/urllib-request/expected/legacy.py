import json
import urllib.request

import httpx
from asgiref.sync import sync_to_async

BASE = "https://api.example.com"


async def status(path):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.get(BASE + path, timeout=5)
            resp.raise_for_status()
            return resp.status_code, resp.json()
    except httpx.HTTPStatusError as exc:
        return exc.response.status_code, json.loads(exc.response.content)
    except httpx.HTTPError as exc:
        return None, str(exc)


def create(path, payload):
    req = urllib.request.Request(
        BASE + path,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    req.add_header("X-Request-Id", "create-1")
    resp = urllib.request.urlopen(req, timeout=5)
    try:
        return resp.getcode(), resp.headers["Content-Type"], resp.read().decode()
    finally:
        resp.close()


create_async = sync_to_async(create, thread_sensitive=False)


async def report(path):
    return {
        "status": await status(path),
        "created": await create_async("/items", {"name": "lamp"}),
    }
