import requests


class Client:
    def __init__(self, base):
        self.base = base
        self._session = requests.Session()

    def request(self, method, path):
        response = self._session.request(method, self.base + path, timeout=5)
        if response.status_code >= 400:
            raise RuntimeError(f"{response.status_code} {response.reason}")
        return response.json()
