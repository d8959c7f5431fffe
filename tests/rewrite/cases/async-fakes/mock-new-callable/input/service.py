import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def title(url):
    return fetch(url)["title"]


class Api:
    def __init__(self, base):
        self.base = base

    def get(self, path):
        return requests.get(self.base + path, timeout=5).json()

    def name(self, user_id):
        return self.get(f"/users/{user_id}")["name"]

    @property
    def motd(self):
        return self.get("/motd")["text"]

    def banner(self):
        return self.motd.upper()
