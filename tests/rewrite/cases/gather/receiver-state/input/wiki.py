import requests

API = "https://wiki.example.com/api"


class Wiki:
    def __init__(self):
        self.site = None

    def connect(self):
        self.site = requests.get(f"{API}/site", timeout=5).json()["name"]

    def page(self, title):
        params = {"title": title, "site": self.site}
        return requests.get(f"{API}/page", params=params, timeout=5).json()["text"]

    def open_page(self, title):
        self.connect()
        return self.page(title)


def two_pages(first, second):
    wiki = Wiki()
    wiki.connect()
    one = wiki.page(first)
    two = wiki.page(second)
    return one, two
