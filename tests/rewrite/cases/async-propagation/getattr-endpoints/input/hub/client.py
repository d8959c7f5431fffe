import requests


class Resource:
    """An endpoint: ``api.users.repos`` is ``/users/repos``."""

    def __init__(self, api, path):
        self._api = api
        self._path = path

    def __getattr__(self, name):
        return Resource(self._api, f"{self._path}/{name}")

    def get(self, **params):
        return self._api.request("GET", self._path, params=params)


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def request(self, method, path, **kwargs):
        response = self.session.request(method, self.base + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

    def __getattr__(self, name):
        return Resource(self, "/" + name)
