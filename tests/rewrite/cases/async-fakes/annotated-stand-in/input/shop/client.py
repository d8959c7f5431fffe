import requests


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()

    def get(self, path: str) -> dict:
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()


class Users:
    def __init__(self, client: Client) -> None:
        self.client = client

    def name(self, uid: int) -> str:
        return self.client.get(f"/users/{uid}")["name"]


def user_name(client: Client, uid: int) -> str:
    return client.get(f"/users/{uid}")["name"]
