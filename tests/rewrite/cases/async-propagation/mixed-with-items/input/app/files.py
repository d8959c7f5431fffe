import json

import requests

BASE = "http://api.example.com"


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.session.close()

    def get(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()


def save(path, out):
    with Api(BASE) as api, open(out, "w") as f:
        json.dump(api.get(path), f)
    with open(out) as f:
        return f.read()


def save_twice(path, out):
    with open(out, "w") as f, Api(BASE) as api, open(out + ".bak", "w") as g:  # both
        data = api.get(path)
        json.dump(data, f)
        json.dump(data, g)
    with open(out) as f, open(out + ".bak") as g:
        return f.read(), g.read()


def download(path, out):
    with (
        open(out, "wb") as f,
        requests.get(BASE + path, stream=True, timeout=5) as response,
    ):
        response.raise_for_status()
        for chunk in response.iter_content(4):
            f.write(chunk)
    with open(out, "rb") as f:
        return f.read().decode()
