from requests.api import get, request

BASE = "https://api.example.com"


def user(uid):
    return get(f"{BASE}/users/{uid}", timeout=5).json()


def remove(uid):
    return request("DELETE", f"{BASE}/users/{uid}").status_code
