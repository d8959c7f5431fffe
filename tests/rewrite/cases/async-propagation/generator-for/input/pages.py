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
