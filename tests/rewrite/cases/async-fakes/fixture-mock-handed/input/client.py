import requests

BASE = "https://api.example.com"


class Users:
    def __init__(self):
        self.session = requests.Session()

    def get_by_id(self, uid):
        return self.session.get(f"{BASE}/users/{uid}").json()


class User:
    def __init__(self, client: Users, uid):
        self._client = client
        self.uid = uid

    def name(self):
        return self._client.get_by_id(self.uid)["name"]
