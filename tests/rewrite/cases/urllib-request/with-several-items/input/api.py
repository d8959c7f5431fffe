import requests

BASE = "https://api.example.com"


class Api:
    def __init__(self):
        self.session = requests.Session()

    def user(self, user_id):
        response = self.session.get(f"{BASE}/users/{user_id}", timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
