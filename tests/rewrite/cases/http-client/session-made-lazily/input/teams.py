import requests


class Teams:
    def __init__(self, base):
        self.base = base
        self._s = None

    def members(self, team):
        if self._s is None:
            self._s = requests.Session()
        return self._s.get(f"{self.base}/teams/{team}/members").json()
