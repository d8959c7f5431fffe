import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def item(self, item_id):
        response = self.session.get(f"{self.base}/items/{item_id}", timeout=5)
        response.raise_for_status()
        return response.json()
