import requests


class Transport:
    def __init__(self, endpoint):
        self._endpoint = endpoint
        self._session = requests.Session()

    def request(self, method, path):
        return self._session.request(method, self._endpoint + path).json()


class Client:
    def __init__(self, endpoint):
        self._transport = Transport(endpoint)

    def server(self, name):
        return self._transport.request("GET", "/servers/" + name)["server"]


class Watched:
    def __init__(self, client, name):
        self.client = client
        self.name = name

    def status(self):
        return self.client.server(self.name)["status"]
