"""any()/all() over fetches inside a statement: still lazy, as a loop before it."""

import requests


def get_host(name):
    response = requests.get(f"http://hosts/v1/hosts/{name}")
    response.raise_for_status()
    return response.json()


def report(names):
    if any(get_host(name)["down"] for name in names):
        return "degraded"
    return "ok"


def all_patched(names):
    patched = all(get_host(name)["version"] >= 3 for name in names if name)
    return patched


def summary(names, label):
    return f"{label}: {all(get_host(name)['up'] for name in names)}"
