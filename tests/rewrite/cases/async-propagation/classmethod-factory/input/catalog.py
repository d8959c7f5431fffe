from dataclasses import dataclass

import requests

API = "http://catalog.example.com"


@dataclass
class Category:
    id: int
    name: str
    parent: int | None

    @classmethod
    def fetch(cls, cid):
        data = requests.get(f"{API}/categories/{cid}", timeout=5).json()
        return cls(data["id"], data["name"], data.get("parent"))

    @classmethod
    def root(cls):
        found = cls.fetch(1)
        return found

    def parent_name(self):
        if self.parent is None:
            return None
        return Category.fetch(self.parent).name

    def path(self):
        names = [self.name]
        parent = self.parent
        while parent is not None:
            up = Category.fetch(parent)
            names.append(up.name)
            parent = up.parent
        return " / ".join(reversed(names))


def breadcrumb(cid):
    return Category.fetch(cid).path()


def root_path():
    return Category.root().path()
