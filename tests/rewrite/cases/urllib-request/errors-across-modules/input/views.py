import urllib.error as urlerrors
from urllib import error

import api


def show(item_id):
    try:
        return api.fetch_item(item_id)
    except error.HTTPError as err:
        return {"status": err.code}
    except urlerrors.URLError as err:
        return {"failed": str(err.reason) != ""}


def bundle(item_id):
    try:
        return {"item": api.fetch_item(item_id), "file": api.download(item_id).decode()}
    except error.HTTPError as err:
        return {"status": err.getcode()}


def file_only(item_id):
    try:
        return api.download(item_id).decode()
    except error.HTTPError as err:
        return {"status": err.code}


async def page(item_id, part):
    if part == "show":
        return show(item_id)
    if part == "bundle":
        return bundle(item_id)
    return file_only(item_id)
