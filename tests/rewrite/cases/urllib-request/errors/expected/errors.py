import json
import socket

import httpx

BASE = "https://api.example.com"


async def fetch_or_reason(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.get(url, timeout=5)
            resp.raise_for_status()
            return resp.json()
    except httpx.HTTPStatusError as err:
        return {
            "status": err.response.status_code,
            "body": json.loads(err.response.content),
        }
    except httpx.HTTPError:
        return {"status": None}


async def reachable(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            (await http_client.get(url, timeout=5)).raise_for_status()
    except httpx.HTTPError:
        return False
    return True


async def fetch_item(item_id):
    return await fetch_or_reason(f"{BASE}/items/{item_id}")


async def failed_url(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            (await http_client.get(url, timeout=5)).raise_for_status()
    except httpx.HTTPStatusError as err:
        return str(err.response.url) == str(err.response.url), str(
            err.response.url
        ).rsplit("/", 1)[-1]
    return None


async def fetch_quickly(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.get(url, timeout=0.3)
            resp.raise_for_status()
            return resp.json()
    except (socket.timeout, httpx.ReadTimeout):
        return "timed out"
    except httpx.HTTPError:
        return "unreachable"
