import re

import httpx
from asgiref.sync import async_to_sync, sync_to_async

from _async_helpers import TLS_CONTEXT

min_async = sync_to_async(min, thread_sensitive=False)

API = "http://people.example.com"
MENTION = re.compile(r"@(\d+)")


async def display_name(user_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/users/{user_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()["name"]


async def render(post):
    async def name_of(match):
        return "@" + await display_name(match[1])

    author = await display_name(post["author"])
    return f"{author}: {await sync_to_async(MENTION.sub, thread_sensitive=False)(async_to_sync(name_of), post['text'])}"


async def first_by_name(post):
    author = await display_name(post["author"])
    ids = MENTION.findall(post["text"])
    return author, await min_async(
        ids, key=async_to_sync(display_name)
    ) if ids else None
