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
