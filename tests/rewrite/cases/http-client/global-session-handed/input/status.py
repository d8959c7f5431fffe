import requests

SESSION = requests.Session()
SESSION.headers["Accept"] = "application/json"


def fetch(session, url):
    return session.get(url, timeout=5).json()


def status():
    return fetch(SESSION, "https://api.example.com/status")


class Api:
    def __init__(self):
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    def status(self):
        return fetch(self.session, "https://api.example.com/status")
