import requests


class Client:
    def __init__(self, url):
        self.url = url
        self.session = requests.Session()

    def http_list(self, path):
        response = self.session.get(self.url + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def http_put(self, path, data):
        response = self.session.put(self.url + path, json=data, timeout=5)
        response.raise_for_status()
        return response.json()

    def http_delete(self, path):
        response = self.session.delete(self.url + path, timeout=5)
        response.raise_for_status()
