import requests


def pages(url):
    while url:
        data = requests.get(url, timeout=5).json()
        yield data["items"]
        url = data.get("next")


def numbered(url):
    for number, page in enumerate(pages(url)):
        yield number, len(page)


def stats(url):
    return requests.get(url + "/stats", timeout=5).json()


def sized(url):
    return _sized(url, stats(url)["count"])


def _sized(url, count):
    for item in requests.get(url, timeout=5).json()["items"]:
        yield item, count


def counted(url):
    # It returns how many pages it read: an async generator cannot return a value.
    pages = 0
    while url:
        data = requests.get(url, timeout=5).json()
        pages += 1
        yield from data["items"]
        url = data.get("next")
    return pages
