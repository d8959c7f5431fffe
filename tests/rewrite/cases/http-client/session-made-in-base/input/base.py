import requests


class ResourceClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    def close(self):
        self.session.close()
