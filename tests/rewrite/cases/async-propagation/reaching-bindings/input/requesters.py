import requests


class Requester:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get_json(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()


class TracingRequester(Requester):
    def __init__(self, base):
        super().__init__(base)
        self.seen = []

    def get_json(self, path):
        self.seen.append(path)
        return super().get_json(path)
