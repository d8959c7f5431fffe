import requests

BASE = "https://api.example.com"


class Api:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.params.update({"token": token})

    def page(self, number, size=None):
        self.session.params["page"] = number
        self.session.params.update(size=size)
        return self.session.get(f"{BASE}/items").json()


def items(token, numbers):
    api = Api(token)
    return [api.page(n) for n in numbers]


def sized(token, size):
    return Api(token).page(1, size)


def search(term):
    session = requests.Session()
    session.params["q"] = term
    session.params.update(lang="en")
    return session.get(f"{BASE}/search").json()
