import requests


class Endpoint:
    def __init__(self, api, name):
        self.api = api
        self.name = name

    def url(self, key):
        return f"{self.api.url}/{self.name}/{key}"

    def get(self, key):
        response = self.api.session.get(self.url(key))
        response.raise_for_status()
        return response.json()

    def update(self, key, **fields):
        response = self.api.session.patch(self.url(key), json=fields)
        response.raise_for_status()
        return response.json()


class Api:
    def __init__(self, url, token=None):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Token {token}"
        self.products = Endpoint(self, "products")
        self.orders = Endpoint(self, "orders")
