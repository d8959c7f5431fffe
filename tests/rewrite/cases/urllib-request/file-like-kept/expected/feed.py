import csv
import io
from urllib.request import Request, urlopen

import httpx
from asgiref.sync import sync_to_async

BASE = "https://feeds.example.com"


def rows(path):
    resp = urlopen(f"{BASE}{path}", timeout=5)
    return list(csv.reader(io.TextIOWrapper(resp, encoding="utf-8")))


rows_async = sync_to_async(rows, thread_sensitive=False)


def signed(path, token):
    request = Request(f"{BASE}{path}", headers={"Authorization": token})
    request.add_header("Accept", "text/plain")
    with urlopen(request) as resp:
        return resp.read().decode()


async def count(path):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return len((await http_client.get(f"{BASE}{path}")).raise_for_status().content)


async def summary(path):
    return {"rows": await rows_async(path), "size": await count(path)}
