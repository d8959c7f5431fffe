import requests

API = "https://api.example.com"
session = requests.Session()


def names(ids):
    get = lambda uid: session.get(f"{API}/users/{uid}").json()
    return [get(uid)["name"] for uid in ids]


def status(path):
    ping = lambda p, timeout=5: requests.get(API + p, timeout=timeout).status_code
    return ping(path)


def labels(ids):
    label = lambda uid: f"user-{uid}"
    return [label(uid) for uid in ids]
