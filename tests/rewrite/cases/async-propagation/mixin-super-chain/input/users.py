import requests


class Resource:
    def __init__(self, base, uid):
        self.base = base
        self.uid = uid

    def refresh(self):
        response = requests.get(f"{self.base}/users/{self.uid}", timeout=5)
        response.raise_for_status()
        return response.json()


class CountMixin:
    def __init__(self, *args, **kwargs):
        self.hits = 0
        super().__init__(*args, **kwargs)

    def refresh(self):
        self.hits += 1
        return super().refresh()


class NameMixin:
    def refresh(self):
        data = super().refresh()
        self.name = data["name"]
        return data


class User(CountMixin, NameMixin, Resource):
    pass


def load(base, uid):
    user = User(base, uid)
    user.refresh()
    return user.name, user.hits, user.refresh()["name"], user.hits
