import requests

from .calls import retry_call


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def user(self, uid):
        return retry_call(self.session.get, f"{self.base}/users/{uid}").json()

    def status(self):
        return self.session.get(f"{self.base}/status").json()["ok"]


def by_verb(session: requests.Session, method, url):
    return getattr(session, method)(url).status_code


def verb_status(base, method):
    with requests.Session() as session:
        return by_verb(session, method, base + "/status")


def verb_json(base, method, path):
    with requests.Session() as session:
        return getattr(session, method)(base + path).json()
