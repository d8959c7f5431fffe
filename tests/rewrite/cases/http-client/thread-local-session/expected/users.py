import threading
from concurrent.futures import ThreadPoolExecutor

import requests

BASE = "https://api.example.com"
_local = threading.local()


def _session():
    if not hasattr(_local, "s"):
        _local.s = requests.Session()
        _local.s.headers["Accept"] = "application/json"
    return _local.s


def get_user(i):
    return _session().get(f"{BASE}/users/{i}").json()


def get_users(ids):
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(get_user, ids))
