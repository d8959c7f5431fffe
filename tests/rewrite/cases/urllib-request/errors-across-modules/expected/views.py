from urllib import error

import httpx
from asgiref.sync import sync_to_async

import api

download = sync_to_async(api.download, thread_sensitive=False)


async def show(item_id):
    try:
        return await api.fetch_item(item_id)
    except httpx.HTTPStatusError as err:
        return {"status": err.response.status_code}
    except httpx.HTTPError as err:
        return {"failed": str(err) != ""}


async def bundle(item_id):
    try:
        return {
            "item": await api.fetch_item(item_id),
            "file": (await download(item_id)).decode(),
        }
    except error.HTTPError as err:
        return {"status": err.getcode()}
    except httpx.HTTPStatusError as err:
        return {"status": err.response.status_code}


def file_only(item_id):
    try:
        return api.download(item_id).decode()
    except error.HTTPError as err:
        return {"status": err.code}


file_only_async = sync_to_async(file_only, thread_sensitive=False)


async def page(item_id, part):
    if part == "show":
        return await show(item_id)
    if part == "bundle":
        return await bundle(item_id)
    return await file_only_async(item_id)
