from collections import defaultdict

import requests

API = "http://stats.example.com"


def fetch(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


def by_team(users):
    teams = defaultdict(list)
    for i, user in enumerate(users):
        if user.get("bot"):
            continue
        if not user.get("active", True):
            continue
        info = fetch(f"/users/{user['id']}")
        teams[info["team"]].append((i, info["name"]))
    return dict(teams)


def names(ids, banned):
    found = []
    for user_id in ids:
        if user_id in banned or user_id < 0:
            continue
        found.append(fetch(f"/users/{user_id}")["name"])
    return found


def counted(ids):
    skipped = 0
    found = []
    for user_id in ids:
        if user_id < 0:
            skipped += 1
            continue
        found.append(fetch(f"/users/{user_id}")["name"])
    return found, skipped


def until_seen(ids):
    seen = set()
    found = []
    for user_id in ids:
        if user_id in seen:
            continue
        info = fetch(f"/users/{user_id}")
        seen.add(info["alias"])
        found.append(info["name"])
    return found
