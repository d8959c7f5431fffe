import requests

BASE = "https://internal.example.com"


def status(verify=True):
    return requests.get(f"{BASE}/status", verify=verify, timeout=3).json()["status"]


def location(path):
    r = requests.get(BASE + path, allow_redirects=False, timeout=3)
    return r.headers.get("Location") if r.status_code in (301, 302) else None


def search(query):
    return requests.get(f"{BASE}/search", {"q": query}, timeout=3).json()


def publish(payload):
    return requests.post(f"{BASE}/items", None, payload, timeout=3).status_code


def exists(path):
    return requests.head(BASE + path, timeout=3).status_code == 200
