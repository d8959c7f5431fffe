from collections import defaultdict

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes

API = "http://stats.example.com"


async def fetch(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(API + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def by_team(users):
    teams = defaultdict(list)
    kept = [
        (i, user)
        for i, user in enumerate(users)
        if not user.get("bot") and user.get("active", True)
    ]
    outcomes = await gather_outcomes(
        (fetch(f"/users/{user['id']}") for i, user in kept), limit=10
    )
    for (i, user), outcome in zip(kept, outcomes):
        info = outcome.result()
        teams[info["team"]].append((i, info["name"]))
    return dict(teams)


async def names(ids, banned):
    found = []
    users = await gather_in_order(
        (
            fetch(f"/users/{user_id}")
            for user_id in ids if not (user_id in banned or user_id < 0)
        ),
        limit=10,
    )
    for user in users:
        found.append(user["name"])
    return found


async def counted(ids):
    skipped = 0
    found = []
    for user_id in ids:
        if user_id < 0:
            skipped += 1
            continue
        found.append((await fetch(f"/users/{user_id}"))["name"])
    return found, skipped


async def until_seen(ids):
    seen = set()
    found = []
    for user_id in ids:
        if user_id in seen:
            continue
        info = await fetch(f"/users/{user_id}")
        seen.add(info["alias"])
        found.append(info["name"])
    return found
