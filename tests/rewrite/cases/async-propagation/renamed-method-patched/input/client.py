import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def item(self, item_id):
        return self.session.get(f"{self.base}/items/{item_id}", timeout=5).json()

    def close(self):
        self.session.close()


def first_item(base):
    api = Api(base)
    try:
        return api.item(1)
    finally:
        api.close()
