import json
import urllib.error
import urllib.request

from asgiref.sync import sync_to_async

BASE = "https://api.example.com"


def status(path):
    try:
        with urllib.request.urlopen(BASE + path, timeout=5) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except urllib.error.URLError as exc:
        return None, str(exc.reason)


status_async = sync_to_async(status, thread_sensitive=False)


def create(path, payload):
    req = urllib.request.Request(
        BASE + path,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    resp = urllib.request.urlopen(req, timeout=5)
    try:
        return resp.getcode(), resp.headers["Content-Type"], resp.read().decode()
    finally:
        resp.close()


create_async = sync_to_async(create, thread_sensitive=False)


async def report(path):
    return {
        "status": await status_async(path),
        "created": await create_async("/items", {"name": "lamp"}),
    }
