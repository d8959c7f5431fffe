import http.client
from urllib.parse import urlsplit

import httpx
import urllib3
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT

_pool = urllib3.PoolManager()


def healthy(base):
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", "/health")
        return conn.getresponse().status == 200
    finally:
        conn.close()


healthy_async = sync_to_async(healthy, thread_sensitive=False)


def blob(url):
    return _pool.request("GET", url).data


blob_async = sync_to_async(blob, thread_sensitive=False)


async def check(base):
    ok = await healthy_async(base)
    data = await blob_async(base + "/blob")
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        report = (
            await http_client.post(base + "/report", json={"ok": ok, "size": len(data)})
        ).json()
    return ok, len(data), report
