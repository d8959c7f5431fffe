import json
from urllib.request import urlopen

from api import Api

BASE = "https://api.example.com"


def both_users(first, second):
    with urlopen(f"{BASE}/users/{first}") as one, urlopen(f"{BASE}/users/{second}") as two:
        return json.load(one), json.load(two)


def save_user(user_id, path):
    with urlopen(f"{BASE}/users/{user_id}") as resp, open(path, "wb") as out:
        out.write(resp.read())
    with open(path, "rb") as saved:
        return json.loads(saved.read())


def copy_to(path, user_id):
    with open(path, "w") as out, urlopen(f"{BASE}/users/{user_id}") as resp:
        out.write(resp.read().decode())
    with open(path) as written:
        return written.read()


def checked_user(user_id):
    with urlopen(f"{BASE}/users/8"), urlopen(f"{BASE}/users/{user_id}") as resp:
        return json.load(resp)


def user_twice(user_id):
    with Api() as api, urlopen(f"{BASE}/users/{user_id}") as resp:
        return api.user(user_id), json.load(resp)
