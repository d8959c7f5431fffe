"""Annotated with requests' types: the annotations follow the values."""

from typing import Optional

import requests


class Ledger:
    http: requests.Session

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = requests.Session()

    def entry(self, number: int) -> requests.Response:
        resp: requests.Response = self.http.get(f"{self.base_url}/entries/{number}")
        resp.raise_for_status()
        return resp

    def balance(self, number: int) -> float:
        return self.entry(number).json()["balance"]


def lookup(session: requests.Session, url: str) -> "requests.Response":
    return session.get(url, timeout=5)


def open_ledger(base_url: str) -> Optional[Ledger]:
    return Ledger(base_url) if base_url else None
