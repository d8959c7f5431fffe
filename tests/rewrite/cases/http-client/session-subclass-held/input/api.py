import requests

BASE = "https://api.example.com"


class ApiSession(requests.Session):
    def __init__(self, token):
        super().__init__()
        self.headers["Authorization"] = f"Bearer {token}"


class Client:
    def __init__(self, token):
        self.session = ApiSession(token)
        self.session.headers["X-Client"] = "1"

    def item(self, item_id):
        response = self.session.get(f"{BASE}/items/{item_id}")
        response.raise_for_status()
        return response.json()


CLIENT = Client("secret")


def item(item_id):
    return CLIENT.item(item_id)
