import requests


def pages(url):
    while url:
        data = requests.get(url, timeout=5).json()
        yield data["items"]
        url = data.get("next")


def count_items(url):
    total = 0
    for items in pages(url):
        total += len(items)
    return total


def all_items(url):
    return [item for items in pages(url) for item in items]
