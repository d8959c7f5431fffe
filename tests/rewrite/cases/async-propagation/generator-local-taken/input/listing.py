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

    def iter_items(self, path="/p1"):
        return self._paginate(path)

    def close(self):
        self.session.close()


def first_two(base):
    client = Client(base)
    items = client.iter_items()
    first = next(items)
    second = next(items, None)
    client.close()
    return first, second


def head_and_rest(base):
    items = Client(base).iter_items()
    head = next(items)
    return head, list(items)


def after_first(base):
    items = Client(base).iter_items()
    next(items)
    return [item * 10 for item in items]


def first_or_none(base, path):
    items = Client(base).iter_items(path)
    try:
        return next(items)
    except StopIteration:
        return None
