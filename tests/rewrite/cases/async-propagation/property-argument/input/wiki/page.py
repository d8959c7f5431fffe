import requests

API = "http://api.example.com"


class Page:
    def __init__(self, title):
        self.title = title

    def _pages(self, params):
        params = {**params, "title": self.title}
        while True:
            data = requests.get(f"{API}/links", params=params, timeout=5).json()
            yield from data["items"]
            if "next" not in data:
                break
            params = {**params, "from": data["next"]}

    @property
    def links(self):
        if not getattr(self, "_links", False):
            self._links = [item["title"] for item in self._pages({"limit": "max"})]
        return self._links

    @property
    def summary(self):
        data = requests.get(f"{API}/summary", params={"title": self.title}, timeout=5).json()
        return data["text"]

