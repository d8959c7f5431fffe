import json

import httpx


class Blobs:
    def __init__(self, base):
        self._http = httpx.Client(base_url=base, timeout=10)

    def download(self, name, path):
        with self._http.stream("GET", f"/blobs/{name}") as resp:
            resp.raise_for_status()
            with open(path, "wb") as fh:
                for chunk in resp.iter_bytes(4):
                    fh.write(chunk)
        return path

    def events(self):
        with self._http.stream("GET", "/events") as resp:
            for line in resp.iter_lines():
                if line:
                    yield json.loads(line)

    def head_of(self, name):
        with self._http.stream("GET", f"/blobs/{name}") as resp:
            resp.read()
            return resp.text[:3]

    def close(self):
        self._http.close()


def size(url):
    total = 0
    with httpx.stream("GET", url) as resp:
        for chunk in resp.iter_bytes():
            total += len(chunk)
    return total


def first_event(base):
    blobs = Blobs(base)
    try:
        return next(iter(list(blobs.events())))
    finally:
        blobs.close()
