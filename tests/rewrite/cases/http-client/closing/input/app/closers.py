import contextlib
from contextlib import closing

import requests

BASE = "http://api.example.com"


class Feed:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def items(self):
        return self.session.get(self.base + "/items", timeout=5).json()

    def close(self):
        self.session.close()


def download(path, out):
    with closing(requests.get(BASE + path, stream=True, timeout=5)) as response, open(out, "wb") as f:
        response.raise_for_status()
        for chunk in response.iter_content(4):
            f.write(chunk)
    with open(out, "rb") as f:
        return f.read().decode()


def status(path):
    with contextlib.closing(requests.Session()) as session:
        return session.get(BASE + path, timeout=5).status_code


def statuses(paths):
    session = requests.Session()
    session.headers["X-Client"] = "closers"
    with closing(session):
        return [session.get(BASE + path, timeout=5).status_code for path in paths]


def feed_items():
    with closing(Feed(BASE)) as feed:
        return feed.items()


def main():
    with closing(Feed(BASE)) as feed:
        print(feed.items())


if __name__ == "__main__":
    main()
