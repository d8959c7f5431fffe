import sqlite3

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT

DB = sqlite3.connect(":memory:", check_same_thread=False)


def save(payload):
    DB.execute("insert into items values (?)", (payload,))


def read_template(path):
    with open(path) as handle:
        return handle.read()


read_template_async = sync_to_async(read_template, thread_sensitive=False)


async def sync_item(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        payload = (await http_client.get(url, timeout=5)).text
    save(payload)
    header = await read_template_async("header.txt")
    return header + payload
