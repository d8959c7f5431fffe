import json

import requests


class Client:
    URL = "https://api.example.com/pushes"

    def __init__(self):
        self._session = requests.Session()

    def push(self, data):
        r = self._session.post(self.URL, data=json.dumps(data), timeout=5)
        if r.status_code != 200:
            raise RuntimeError(r.text)
        return r.json()

    def pushes(self, limit):
        return self._session.get(self.URL, params={"limit": limit}, allow_redirects=False).json()
