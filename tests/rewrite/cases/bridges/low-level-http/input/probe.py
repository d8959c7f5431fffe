import http.client
from urllib.parse import urlsplit

import requests
import urllib3

_pool = urllib3.PoolManager()


def healthy(base):
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", "/health")
        return conn.getresponse().status == 200
    finally:
        conn.close()


def blob(url):
    return _pool.request("GET", url).data


def check(base):
    ok = healthy(base)
    data = blob(base + "/blob")
    report = requests.post(base + "/report", json={"ok": ok, "size": len(data)}).json()
    return ok, len(data), report
