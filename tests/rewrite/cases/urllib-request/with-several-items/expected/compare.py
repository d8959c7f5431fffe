import json

import httpx
from asgiref.sync import sync_to_async

from api import Api

open_async = sync_to_async(open, thread_sensitive=False)

BASE = "https://api.example.com"


async def both_users(first, second):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        one = await http_client.get(f"{BASE}/users/{first}")
        one.raise_for_status()
        two = await http_client.get(f"{BASE}/users/{second}")
        two.raise_for_status()
        return one.json(), two.json()


async def save_user(user_id, path):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.get(f"{BASE}/users/{user_id}")
        resp.raise_for_status()
        with await open_async(path, "wb") as out:
            out.write(resp.content)
    with await open_async(path, "rb") as saved:
        return json.loads(saved.read())


async def copy_to(path, user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        with await open_async(path, "w") as out:
            resp = await http_client.get(f"{BASE}/users/{user_id}")
            resp.raise_for_status()
            out.write(resp.content.decode())
    with await open_async(path) as written:
        return written.read()


async def checked_user(user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        (await http_client.get(f"{BASE}/users/8")).raise_for_status()
        resp = await http_client.get(f"{BASE}/users/{user_id}")
        resp.raise_for_status()
        return resp.json()


async def user_twice(user_id):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        async with Api() as api:
            resp = await http_client.get(f"{BASE}/users/{user_id}")
            resp.raise_for_status()
            return await api.user(user_id), resp.json()
