import functools

import requests


class Storage:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    @functools.lru_cache(maxsize=1024)
    def info(self, path):
        r = self.session.get(f"{self.base}/api/storage/{path}", timeout=5)
        r.raise_for_status()
        return r.json()

    def size(self, path):
        return self.info(path)["size"]

    def largest(self, paths, n=2):
        return sorted(paths, key=self.size, reverse=True)[:n]


def report(storage: Storage, paths):
    top = storage.largest(paths)
    return {p: storage.size(p) for p in top}
