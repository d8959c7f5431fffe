import requests

API = "https://shop.example.com/api"


class Store:
    def __init__(self):
        self.synced = []
        self.session = requests.Session()

    def sync_item(self, item_id):
        response = self.session.post(f"{API}/items/{item_id}/sync", timeout=5)
        response.raise_for_status()
        self.synced.append(item_id)

    def mark_seen(self, item_id):
        item = self.session.get(f"{API}/items/{item_id}", timeout=5).json()
        self.last = item["name"]

    def check(self, item_id):
        self.session.get(f"{API}/items/{item_id}", timeout=5).raise_for_status()

    def name(self, item_id):
        return self.session.get(f"{API}/items/{item_id}", timeout=5).json()["name"]


def sync_all(ids):
    store = Store()
    for item_id in ids:
        store.sync_item(item_id)
    return store.synced


def mark_all(ids):
    store = Store()
    for item_id in ids:
        store.mark_seen(item_id)
    return store.last


def check_all(ids):
    store = Store()
    for item_id in ids:
        store.check(item_id)


def check_and_count(ids):
    store = Store()
    checked = 0
    for item_id in ids:
        store.check(item_id)
        checked += 1
    return checked


def warm_names(ids):
    store = Store()
    for item_id in ids:
        name = store.name(item_id)
    return len(ids)


def check_then_name(first, second):
    store = Store()
    store.check(first)
    return store.name(second)
