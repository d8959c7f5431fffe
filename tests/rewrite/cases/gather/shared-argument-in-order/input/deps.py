import requests


def requirements(base, name):
    r = requests.get(f"{base}/pypi/{name}/json", timeout=10)
    r.raise_for_status()
    return r.json()["requires"]


def walk(base, name, seen=None):
    """Dependency names in depth-first pre-order, each visited once."""
    seen = set() if seen is None else seen
    if name in seen:
        return []
    seen.add(name)
    found = [name]
    for dep in requirements(base, name):
        found.extend(walk(base, dep, seen))
    return found


def resolve(base, name, memo):
    """Nested {name: deps} tree; each project fetched once (memo shared by the caller)."""
    if name in memo:
        return memo[name]
    node = {"name": name, "deps": [resolve(base, d, memo) for d in requirements(base, name)]}
    memo[name] = node
    return node
