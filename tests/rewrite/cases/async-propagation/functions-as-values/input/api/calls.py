import functools

import requests


def retry_call(func, *args, tries=3, **kwargs):
    for attempt in range(tries):
        try:
            return func(*args, **kwargs)
        except requests.ConnectionError:
            if attempt == tries - 1:
                raise


def get_json(url):
    return retry_call(requests.get, url, timeout=5).json()


def fetch_user(base, uid):
    response = requests.get(f"{base}/users/{uid}", timeout=5)
    response.raise_for_status()
    return response.json()


def user_with_retries(base, uid):
    return retry_call(fetch_user, base, uid, tries=2)


def user_by_partial(base, uid):
    return retry_call(functools.partial(fetch_user, base), uid)


def then_friend(base, uid, then):
    user = fetch_user(base, uid)
    return then(base, user["friend"])


def friend(base, uid):
    return then_friend(base, uid, then=fetch_user)


def for_each(base, uids, callback, fetch=fetch_user):
    for uid in uids:
        callback(fetch(base, uid))


def names_seen(base, uids):
    seen = []
    for_each(base, uids, lambda user: seen.append(user["name"]))
    return seen


def each(func, items):
    return [func(item) for item in items]


def shout(word):
    return word.upper()


def fetch_name(uid):
    return fetch_user("http://api.example.com", uid)["name"]


def names(uids):
    return each(fetch_name, uids)


def shouted(words):
    return each(shout, words)
