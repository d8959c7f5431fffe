import requests


class Storage:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def info(self, path):
        response = self.session.get(f"{self.base}/api/{path}", timeout=5)
        response.raise_for_status()
        return response.json()

    def files(self, folder="root"):
        """The files of a folder, page by page."""
        page = 1
        while True:
            listing = self.info(f"{folder}?page={page}")
            yield from listing["files"]
            if not listing.get("more"):
                return
            page += 1


def total_size(storage: Storage):
    total = 0
    for name in storage.files():
        total += storage.info(name)["size"]
    return total


def sizes(storage: Storage):
    return [storage.info(name)["size"] for name in storage.files()]


def largest(storage: Storage):
    return max(storage.info(name)["size"] for name in storage.files())


def by_name(storage: Storage):
    return {name: storage.info(name)["size"] for name in storage.files()}
