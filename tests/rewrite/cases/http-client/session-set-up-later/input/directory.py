import requests

BASE = "http://directory.example.com"
session = requests.Session()


def configure(user, password, language, ca_bundle=None):
    session.auth = (user, password)
    session.params = {"lang": language}
    session.headers.update({"X-Client": "directory"})
    if ca_bundle:
        session.verify = ca_bundle


def person(pid):
    r = session.get(f"{BASE}/people/{pid}")
    r.raise_for_status()
    return r.json()


class Directory:
    def __init__(self):
        self.http = requests.Session()

    def sign_in(self, token):
        self.http.headers["Authorization"] = f"Token {token}"
        self.http.trust_env = False
        return self

    def person(self, pid):
        return self.http.get(f"{BASE}/people/{pid}").json()


def directory(token):
    return Directory().sign_in(token)
