import os

import requests

from .resources import Groups, Users


class Client:
    def __init__(self, base_url, token=None):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.users = Users(self)
        self.groups = Groups(client=self)

    @classmethod
    def from_env(cls):
        return cls(os.environ.get("SVC_URL", "https://svc.example.com/v1"))


_default = None


def default_client():
    global _default
    if _default is None:
        _default = Client.from_env()
    return _default


def user_name(user_id):
    return default_client().users.get(user_id)["name"]
