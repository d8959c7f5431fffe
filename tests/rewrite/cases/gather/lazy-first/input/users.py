"""Only the first result is taken: the legacy code fetched one user, so does the new."""

import itertools
from functools import partial

import requests


def get_user(base, user_id):
    response = requests.get(f"{base}/v1/users/{user_id}")
    response.raise_for_status()
    return response.json()


def user(user_id):
    return get_user("http://users", user_id)


def first_user(user_ids):
    return next(map(user, user_ids))


def first_name(base, user_ids):
    return next(iter(map(partial(get_user, base), user_ids)))["name"]


def first_active(base, user_ids):
    found = next(get_user(base, i) for i in user_ids if i > 0)
    return found["handle"]


def first_or_none(user_ids):
    return next((user(i) for i in user_ids), None)


def first_two(user_ids):
    return list(itertools.islice(map(user, user_ids), 2))


def paired_names(labels, user_ids):
    return dict(zip(labels, (user(user_id)["name"] for user_id in user_ids)))


def first_two_names(user_ids):
    users = map(user, user_ids)
    return next(users)["name"], next(users, {}).get("name")
