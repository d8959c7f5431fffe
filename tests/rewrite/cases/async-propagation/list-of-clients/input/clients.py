import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        return self.session.get(self.base + path, timeout=5).json()

    def close(self):
        self.session.close()


def counts(base, paths):
    made = []
    for _ in paths:
        client = Client(base)
        made.append(client)
    out = [c.get("/a")["n"] for c in made]
    for c in made:
        c.close()
    return out


def first_count(base):
    made = []

    def make():
        made.append(Client(base))

    make()
    make()
    try:
        return sum(c.get("/b")["n"] for c in made)
    finally:
        for c in made:
            c.close()
