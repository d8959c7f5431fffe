import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers["X-Key"] = "k"

    def user(self, uid):
        return self.session.get(f"{self.base}/users/{uid}").json()


def load(uid):
    return Api("http://x").user(uid)
