import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    gather_in_order,
    gather_outcomes,
)

API = "https://feed.example.com/api"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


class Profile:
    pass


async def get_user(user_id):
    response = await session.get(f"{API}/users/{user_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def get_post(user_id):
    return (await session.get(f"{API}/users/{user_id}/post", timeout=5)).json()


async def cards(ids):
    cards = []
    results = await gather_in_order(
        ((get_user(user_id), get_post(user_id)) for user_id in ids), limit=10
    )
    for user, post in results:
        cards.append(f"{user['name']}: {post['text']}")
    return cards


async def lines(ids):
    out = {}
    ids = list(ids)
    results = await gather_in_order(
        ((get_user(user_id), get_post(user_id)) for user_id in ids), limit=10
    )
    for user_id, (user, post) in zip(ids, results):
        out[user_id] = f"{user['name']} wrote {post['text']}"
    return out


async def posts_after_users(ids):
    async def fetch_user(user_id):
        user = await get_user(user_id)
        post = await get_post(user["id"])
        return (user["name"], post["text"])

    out = await gather_in_order((fetch_user(user_id) for user_id in ids), limit=10)
    return out


async def shouts(ids):
    out = []
    responses = await gather_in_order(
        (session.get(f"{API}/users/{user_id}/post", timeout=5) for user_id in ids),
        limit=10,
    )
    for response in responses:
        out.append(f"{response.json()['text']}!")
    return out


async def odd_names(ids):
    names = []
    users = await gather_in_order((get_user(user_id) for user_id in ids), limit=10)
    for user in users:
        if user["id"] % 2:
            names.append(user["name"])
    return names


async def texts(ids):
    found = []
    responses = await gather_in_order(
        (session.get(f"{API}/users/{user_id}/post", timeout=5) for user_id in ids),
        limit=10,
    )
    for response in responses:
        found.append(response.json()["text"])
    return found


async def own_user(ids):
    user = await get_user(1)
    names = []
    fetched_users = await gather_in_order(
        (get_user(user_id) for user_id in ids), limit=10
    )
    for fetched_user in fetched_users:
        names.append(fetched_user["name"])
    return user["name"], names


async def profile(first, second):
    profile = Profile()
    owner_outcome, friend_outcome = await gather_outcomes(
        get_user(first),
        get_user(second),
    )
    profile.owner = owner_outcome.result()
    profile.friend = friend_outcome.result()
    return profile.owner["name"], profile.friend["name"]


async def trio():
    user_1, user_2, user_3 = await gather_in_order(
        get_user(1),
        get_user(2),
        get_user(3),
    )
    return user_1["name"], user_2["name"], user_3["name"]
