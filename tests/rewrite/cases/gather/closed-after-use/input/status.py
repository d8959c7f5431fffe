import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def item(self, number):
        return self.session.get(f"{self.base}/items/{number}", timeout=5).json()

    def close(self):
        self.session.close()


def status(base):
    session = requests.Session()
    session.headers.update({"X-Client": "status"})
    response = session.get(f"{base}/items/1", timeout=5)
    session.close()
    return response.status_code, response.json()


def first_item(base):
    client = Client(base)
    first = client.item(1)
    client.close()
    return first
