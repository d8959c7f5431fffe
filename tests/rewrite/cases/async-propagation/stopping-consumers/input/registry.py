import itertools

import requests


class Registry:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def versions(self, name):
        url = f"{self.base}/projects/{name}/versions"
        while url:
            r = self.session.get(url, timeout=5)
            r.raise_for_status()
            yield from r.json()["items"]
            url = r.json().get("next")

    def size(self, version_id):
        url = f"{self.base}/files/{version_id}"
        return self.session.get(url, timeout=5).json()["size"]

    def project(self, name):
        return self.session.get(f"{self.base}/projects/{name}", timeout=5).json()


def first_versions(reg: Registry, name, n):
    return [v["id"] for v in itertools.islice(reg.versions(name), n)]


def numbered(reg: Registry, name, limit):
    out = []
    for i, v in enumerate(reg.versions(name), 1):
        if i > limit:
            break
        out.append((i, v["id"]))
    return out


def paired(reg: Registry, a, b):
    return [(x["id"], y["id"]) for x, y in zip(reg.versions(a), reg.versions(b))]


def has_yanked(reg: Registry, name):
    # any() stops at the first yanked version: later pages are never fetched.
    return any(v["yanked"] for v in reg.versions(name))


def all_yanked(reg: Registry, name):
    return all(v["yanked"] for v in reg.versions(name))


def all_small(reg: Registry, name, limit):
    # Both the listing and each size fetch: all() stops at the first big file.
    return all(reg.size(v["id"]) <= limit for v in reg.versions(name))


def describe(reg: Registry, name, limit):
    if any(reg.size(v["id"]) > limit for v in reg.versions(name)):
        return "has big files"
    return "all small"


def until_yanked(reg: Registry, name):
    return [v["id"] for v in itertools.takewhile(lambda v: not v["yanked"], reg.versions(name))]


def from_yanked(reg: Registry, name):
    return [v["id"] for v in itertools.dropwhile(lambda v: not v["yanked"], reg.versions(name))]


def first_kept(reg: Registry, name):
    for v in filter(lambda v: not v["yanked"], reg.versions(name)):
        return v["id"]
    return None
