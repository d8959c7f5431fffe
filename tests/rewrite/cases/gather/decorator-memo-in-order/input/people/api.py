import requests

from .memo import memoize


@memoize
def user(base, login):
    r = requests.get(f"{base}/users/{login}", timeout=10)
    r.raise_for_status()
    return r.json()


def commit_authors(base, commits):
    return [user(base, c["author"])["name"] for c in commits]
