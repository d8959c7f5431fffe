import requests


class Api:
    def __init__(self, base):
        self.base = base

    def status(self):
        return requests.get(self.base + "/status", timeout=5).json()
