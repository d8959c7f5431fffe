import json
import urllib.error
import urllib.request

BASE = "https://api.example.com"


def status(path):
    try:
        with urllib.request.urlopen(BASE + path, timeout=5) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except urllib.error.URLError as exc:
        return None, str(exc.reason)


def create(path, payload):
    req = urllib.request.Request(
        BASE + path,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    req.add_header("X-Request-Id", "create-1")
    resp = urllib.request.urlopen(req, timeout=5)
    try:
        return resp.getcode(), resp.headers["Content-Type"], resp.read().decode()
    finally:
        resp.close()


async def report(path):
    return {"status": status(path), "created": create("/items", {"name": "lamp"})}
