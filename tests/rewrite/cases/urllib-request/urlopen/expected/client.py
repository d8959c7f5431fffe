import json

import httpx

from _async_helpers import gather_in_order

BASE = "https://api.example.com"


async def fetch_user(user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.get(f"{BASE}/users/{user_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()


async def create_user(name):
    payload = json.dumps({"name": name}).encode()
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.post(
            f"{BASE}/users",
            content=payload,
            headers={"Content-Type": "application/json"},
        )
        resp.raise_for_status()
        return resp.status_code, json.loads(resp.content)


async def rename_user(user_id, name):
    payload = json.dumps({"name": name}).encode()
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.request(
            "PUT",
            f"{BASE}/users/{user_id}",
            content=payload,
            headers={"Content-Type": "application/json"},
        )
        resp.raise_for_status()
        return resp.status_code, resp.headers.get("Content-Type"), resp.json()


async def user_status(user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.get(f"{BASE}/users/{user_id}")
    resp.raise_for_status()
    status = resp.status_code
    await resp.aclose()
    return status, resp.reason_phrase


async def raw_user(user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return (await http_client.get(f"{BASE}/users/{user_id}")).raise_for_status().content


async def dashboard(first, second):
    user_first, user_second = await gather_in_order(
        fetch_user(first),
        fetch_user(second),
    )
    return {"first": user_first, "second": user_second}
