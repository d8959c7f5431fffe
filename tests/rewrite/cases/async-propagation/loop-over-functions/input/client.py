import requests

BASE = "https://api.example.com"


class Api:
    def __init__(self):
        self.session = requests.Session()

    def get(self, path, **params):
        return self.call("GET", path, params)

    def delete(self, path, **params):
        return self.call("DELETE", path, params)

    def call(self, method, path, params):
        url = BASE + path
        return self.session.request(method, url, params=params).json()


def local_status():
    return {"ok": True}


def status():
    api = Api()
    found = {}
    for name, check in (("users", api.get), ("local", local_status)):
        found[name] = check("/users") if name == "users" else check()
    return found


def health():
    return local_status()["ok"]
