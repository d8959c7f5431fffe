import functools

import requests


def get_json(base, path):
    r = requests.get(base + path, timeout=5)
    r.raise_for_status()
    return r.json()


class Directory:
    def __init__(self, base):
        self.base = base

    def person(self, pid):
        return get_json(self.base, f"/people/{pid}")


def names(base, ids):
    fetch = functools.partial(get_json, base)
    return [fetch(f"/people/{i}")["name"] for i in ids]


def first_name(base, pid):
    load = get_json
    return load(base, f"/people/{pid}")["name"].split()[0]


def emails(directory: Directory, ids):
    person = directory.person
    found = {}
    for pid in ids:
        found[pid] = person(pid)["email"]
    return found


def ages(directory, ids):
    age_of = functools.partial(directory.person)
    return sum(age_of(pid)["age"] for pid in ids)


def total_age(base, ids):
    return ages(Directory(base), ids)


def shouted(base, ids):
    fetch = functools.partial(get_json, base)
    out = list(map(fetch, [f"/people/{i}" for i in ids]))
    return [p["name"].upper() for p in out]


def contact(directory: Directory, pid):
    lookup = getattr(directory, "person", None)
    if not callable(lookup):
        return None
    return lookup(pid)["email"]
