import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def fetch(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()


def summary(client, path="/stats"):
    data = client.fetch(path)
    return {"count": len(data), "source": path}


def report(base):
    return summary(Client(base))
