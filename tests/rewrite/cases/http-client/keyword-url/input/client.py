import requests


class Api:
    def __init__(self, endpoint):
        self._endpoint = endpoint
        self._session = requests.Session()

    def request(self, method, path, **kwargs):
        response = self._session.request(method=method, url=self._endpoint + path, **kwargs)
        return response.json()

    def create(self, path, body):
        return self._session.request("POST", url=self._endpoint + path, json={"name": body}).status_code


def fetch(url):
    return requests.get(url=url, params={"page": None}).json()
