"""A class handed a session made in code that stays sync: it keeps requests."""

import requests


class Ledger:
    def __init__(self, base_url, session=None):
        self.base_url = base_url
        self.session = session or requests.Session()

    def entry(self, number):
        return self.session.get(f"{self.base_url}/entries/{number}").json()


def open_ledger(base_url):
    session = requests.Session()
    session.headers["X-Ledger"] = "main"
    return Ledger(base_url, session)


def first_entry(base_url):
    return open_ledger(base_url).entry(1)
