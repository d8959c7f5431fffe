import requests

API = "https://feed.example.com/api"
session = requests.Session()


class Profile:
    pass


def get_user(user_id):
    response = session.get(f"{API}/users/{user_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def get_post(user_id):
    return session.get(f"{API}/users/{user_id}/post", timeout=5).json()


def cards(ids):
    cards = []
    for user_id in ids:
        user = get_user(user_id)
        post = get_post(user_id)
        cards.append(f"{user['name']}: {post['text']}")
    return cards


def lines(ids):
    out = {}
    for user_id in ids:
        out[user_id] = f"{get_user(user_id)['name']} wrote {get_post(user_id)['text']}"
    return out


def posts_after_users(ids):
    out = []
    for user_id in ids:
        user = get_user(user_id)
        post = get_post(user["id"])
        out.append((user["name"], post["text"]))
    return out


def shouts(ids):
    out = []
    for user_id in ids:
        out.append(f"{session.get(f'{API}/users/{user_id}/post', timeout=5).json()['text']}!")
    return out


def odd_names(ids):
    names = []
    for user_id in ids:
        if (user := get_user(user_id))["id"] % 2:
            names.append(user["name"])
    return names


def texts(ids):
    found = []
    for user_id in ids:
        url = f"{API}/users/{user_id}"
        found.append(session.get(f"{url}/post", timeout=5).json()["text"])
    return found


def own_user(ids):
    user = get_user(1)
    names = []
    for user_id in ids:
        names.append(get_user(user_id)["name"])
    return user["name"], names


def profile(first, second):
    profile = Profile()
    profile.owner = get_user(first)
    profile.friend = get_user(second)
    return profile.owner["name"], profile.friend["name"]


def trio():
    return get_user(1)["name"], get_user(2)["name"], get_user(3)["name"]
