from typing import Iterator

import requests


class Account:
    def __init__(self, base, name):
        self.base = base
        self.session = requests.Session()
        self._name = name
        self._plan = "free"

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        response = self.session.put(f"{self.base}/account", json={"name": value}, timeout=5)
        response.raise_for_status()
        self._name = response.json()["name"]

    @property
    def plan(self):
        return self._plan

    @plan.setter
    def plan(self, value):
        self.session.post(f"{self.base}/plan", json={"plan": value}, timeout=5).raise_for_status()
        self._plan = value

    def _pages(self) -> Iterator[dict]:
        page = 1
        while page:
            data = self.session.get(f"{self.base}/events", params={"page": page}, timeout=5).json()
            yield from data["events"]
            page = data["next"]

    def event_kinds(self):
        events = self._pages()
        kinds = []
        for event in events:
            kinds.append(event["kind"])
        return kinds


def rename(base, name):
    account = Account(base, "old")
    account.name = name
    return account.name, account.event_kinds()


def upgrade(account: Account, plan):
    account.plan = plan
    return account.plan
