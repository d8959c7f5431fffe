import requests


def fetch(base, item_id):
    response = requests.get(f"{base}/items/{item_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def first_big(base, ids):
    """The first item over 10: the items after it were never fetched."""
    items = (fetch(base, item_id) for item_id in ids)
    for item in items:
        if item["size"] > 10:
            return item
    return None


def first_name(base, ids):
    names = (fetch(base, item_id)["name"] for item_id in ids)
    return next(names, None)


def total_size(base, ids):
    items = (fetch(base, item_id) for item_id in ids)
    return sum(item["size"] for item in items)


def names_joined(base, ids):
    names = (fetch(base, item_id)["name"] for item_id in ids)
    return ", ".join(names)
