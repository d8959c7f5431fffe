import json
import urllib.request
from urllib.request import Request, urlopen

BASE = "https://api.example.com"


def fetch_user(user_id):
    with urlopen(f"{BASE}/users/{user_id}", timeout=10) as resp:
        return json.load(resp)


def create_user(name):
    payload = json.dumps({"name": name}).encode()
    with urllib.request.urlopen(
        Request(f"{BASE}/users", data=payload, headers={"Content-Type": "application/json"})
    ) as resp:
        return resp.status, json.loads(resp.read())


def rename_user(user_id, name):
    payload = json.dumps({"name": name}).encode()
    with urlopen(
        Request(
            f"{BASE}/users/{user_id}",
            data=payload,
            headers={"Content-Type": "application/json"},
            method="PUT",
        )
    ) as resp:
        return resp.getcode(), resp.getheader("Content-Type"), json.load(resp)


def user_status(user_id):
    resp = urlopen(f"{BASE}/users/{user_id}")
    status = resp.status
    resp.close()
    return status, resp.reason


def raw_user(user_id):
    return urlopen(f"{BASE}/users/{user_id}").read()


def dashboard(first, second):
    return {"first": fetch_user(first), "second": fetch_user(second)}
