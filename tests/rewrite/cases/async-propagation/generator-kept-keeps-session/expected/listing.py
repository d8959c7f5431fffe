from itertools import islice

import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _paginate(self, path):
        response = self.session.get(self.base + path, timeout=5)
        while True:
            yield from response.json()["items"]
            url = response.json()["next"]
            if not url:
                break
            response = self.session.get(url, timeout=5)

    def iter_items(self):
        return self._paginate("/p1")

    def user(self, user_id):
        return self.session.get(f"{self.base}/users/{user_id}", timeout=5).json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def first_two(base):
    # islice() kept as a value: the generator stays sync, and so does its session.
    with Client(base) as client:
        items = islice(client.iter_items(), 2)
        return next(items), next(items)


def user_name(base, user_id):
    return Client(base).user(user_id)["name"]
