import requests

from .pager import Counter, Pager


class Users:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, page, size=2):
        response = self.session.get(f"{self.base}/users", params={"page": page, "size": size})
        response.raise_for_status()
        body = response.json()
        return body["items"], body["more"]

    def count(self):
        return self.session.get(f"{self.base}/users/count").json()["count"]

    def all(self):
        return Pager(self, size=2)


def names(base):
    return [user["name"] for user in Users(base).all()]


def first(base):
    for user in Users(base).all():
        return user["name"]
    return None


def total(base):
    return Counter(Users(base)).total()
