import requests


class Site:
    def __init__(self, base):
        self.base = base

    @property
    def info(self):
        return requests.get(f"{self.base}/info", timeout=5).json()

    @property
    def stats(self):
        return requests.get(f"{self.base}/stats", timeout=5).json()

    def report(self):
        info = self.info
        stats = self.stats
        return info["name"], stats["count"]

    def brief(self):
        return {"name": self.info["name"], "count": self.stats["count"]}
