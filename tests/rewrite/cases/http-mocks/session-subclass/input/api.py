import requests

BASE = "https://api.example.com"


class ApiSession(requests.Session):
    def __init__(self, token):
        super().__init__()
        self.headers["Authorization"] = f"Bearer {token}"

    def request(self, method, url, **kwargs):
        return super().request(method, BASE + url, **kwargs)


def item(item_id):
    with ApiSession("secret") as session:
        response = session.get(f"/items/{item_id}")
        response.raise_for_status()
        return response.json()
