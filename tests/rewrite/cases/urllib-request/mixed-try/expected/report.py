import csv
import io
import urllib.error
import urllib.request

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import gather_in_order

urlopen = sync_to_async(urllib.request.urlopen, thread_sensitive=False)

BASE = "https://reports.example.com"


async def report(day):
    try:
        resp = await urlopen(f"{BASE}/rows/{day}.csv", timeout=5)
        rows = list(csv.reader(io.TextIOWrapper(resp, encoding="utf-8")))
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            meta = await http_client.get(f"{BASE}/meta/{day}", timeout=5)
            meta.raise_for_status()
            info = meta.json()
    except urllib.error.HTTPError as err:
        return {"status": err.code, "reason": err.reason}
    except httpx.HTTPStatusError as err:
        return {
            "status": err.response.status_code,
            "reason": err.response.reason_phrase,
        }
    except (urllib.error.URLError, httpx.HTTPError):
        return {"status": None}
    return {"rows": rows, "info": info}


async def size(day):
    try:
        resp = await urlopen(f"{BASE}/rows/{day}.csv", timeout=5)
        count = sum(1 for _ in io.TextIOWrapper(resp, encoding="utf-8"))
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            (await http_client.get(f"{BASE}/meta/{day}", timeout=5)).raise_for_status()
    except (urllib.error.HTTPError, httpx.HTTPStatusError):
        return -1
    return count


async def daily(day):
    report_result, size_result = await gather_in_order(
        report(day),
        size(day),
    )
    return {"report": report_result, "size": size_result}
