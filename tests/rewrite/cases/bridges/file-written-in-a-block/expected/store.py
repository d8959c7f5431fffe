import json
import os

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "https://files.example.com"


async def save_report(folder, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        data = (await http_client.get(f"{BASE}/reports/{name}", timeout=5)).content
    path = os.path.join(folder, name + ".json")

    def write_file():
        with open(path, "wb") as out:
            out.write(data)
            out.write(b"\n")

    await sync_to_async(write_file, thread_sensitive=False)()
    return path


async def save_index(folder, names):
    names = list(names)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        responses = await gather_in_order(
            (http_client.get(f"{BASE}/reports/{name}", timeout=5) for name in names),
            limit=10,
        )
    index = {name: response.json() for name, response in zip(names, responses)}
    path = os.path.join(folder, "index.json")

    def write_file():
        with open(path, "w", encoding="utf-8") as out:
            json.dump(index, out, sort_keys=True)

    await sync_to_async(write_file, thread_sensitive=False)()
    return path


def read_back(path):
    with open(path, "rb") as stored:
        return stored.read()


read_back_async = sync_to_async(read_back, thread_sensitive=False)


async def saved_report(folder, name):
    return await read_back_async(await save_report(folder, name))


async def saved_index(folder, names):
    return json.loads(await read_back_async(await save_index(folder, names)))
