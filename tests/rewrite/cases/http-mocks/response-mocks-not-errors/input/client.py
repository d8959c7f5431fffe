import requests

BASE = "http://hooks.example.com"


def send(message):
    """Post a chat message; True when the webhook accepted it."""
    r = requests.post(f"{BASE}/send", json={"text": message}, timeout=5)
    return r.ok


def latest():
    r = requests.get(f"{BASE}/feed", timeout=5)
    if not r.ok:
        return None
    return r.json()["items"][0]


def checked():
    r = requests.get(f"{BASE}/feed", timeout=5)
    r.raise_for_status()
    return r.json()["items"]
