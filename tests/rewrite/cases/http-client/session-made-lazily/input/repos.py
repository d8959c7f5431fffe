import requests


class Repos:
    def __init__(self, base, token):
        self.base = base
        self.token = token
        self._http = None

    @property
    def http(self):
        if self._http is None:
            self._http = requests.Session()
            self._http.headers["Authorization"] = f"token {self.token}"
        return self._http

    def repo(self, owner, name):
        r = self.http.get(f"{self.base}/repos/{owner}/{name}")
        r.raise_for_status()
        return r.json()
