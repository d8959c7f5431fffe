import requests

from cloud.groups import ServerGroup

__all__ = ["Client"]

BASE = "https://cloud.example.com"


class Client:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.servers = ServerGroup(self)

    def get(self, path):
        response = self.session.get(BASE + path, timeout=10)
        response.raise_for_status()
        return response.json()
