import httpx
from asgiref.sync import async_to_sync, sync_to_async

from _async_helpers import TLS_CONTEXT, thread_items

API = "http://code.example.com"


async def get(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(API + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


def pages(owner):
    """Each page of an owner's repositories; the count of pages, once done."""
    page = 1
    while True:
        batch = async_to_sync(get)(f"/repos/{owner}?page={page}")
        if not batch:
            return page - 1
        yield batch
        page += 1


def first_repo(owner):
    return next(pages(owner))[0]["name"]


first_repo_async = sync_to_async(first_repo, thread_sensitive=False)


async def owner_and_first_repo(owner):
    profile = await get(f"/users/{owner}")
    return profile["name"], await first_repo_async(owner)


async def every_repo(owner):
    profile = await get(f"/users/{owner}")
    return profile["name"], [
        repo["name"] async for page in thread_items(pages(owner)) for repo in page
    ]
