import requests

BASE = "https://api.example.com"


def fetch_user(user_id):
    resp = requests.get(f"{BASE}/users/{user_id}", {"full": "1"}, timeout=5)
    return resp.json()


def fetch_no_timeout(path):
    return requests.get(BASE + path).json()


def fetch_no_redirects(path):
    return requests.get(BASE + path, allow_redirects=False, timeout=3).status_code


def fetch_split_timeout(path):
    return requests.get(BASE + path, timeout=(3.05, 27)).text


def exists(path):
    return requests.head(BASE + path, timeout=2).status_code == 200


def remove(path, reason):
    return requests.delete(BASE + path, json={"reason": reason}, timeout=2).status_code


def remove_plain(path):
    return requests.delete(BASE + path, timeout=2).status_code


def wait_for(path):
    while requests.get(BASE + path, timeout=2).status_code == 404:
        pass
    if requests.head(BASE + path, timeout=2).ok:
        return "ok"
    elif requests.get(BASE + path, timeout=2).status_code == 500:
        return "broken"
    return "unknown"
