import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    def user(self, user_id):
        response = self.session.get(f"{self.base}/users/{user_id}", timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
