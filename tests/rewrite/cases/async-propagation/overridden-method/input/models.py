from typing import Generic, TypeVar

import requests

T = TypeVar("T")
API = "http://api.example.com"
session = requests.Session()


class Bound(Generic[T]):
    def __init__(self, data):
        self.data = data

    def _get_self(self):
        return type(self)(dict(self.data))

    def reload(self):
        self.data = self._get_self().data
        return self.data


class BoundRecord(Bound[dict]):
    def _get_self(self):
        return BoundRecord(session.get(f"{API}/records/{self.data['id']}").json())


class BoundNote(Bound):
    def _get_self(self):
        return BoundNote({**self.data, "fresh": True})
