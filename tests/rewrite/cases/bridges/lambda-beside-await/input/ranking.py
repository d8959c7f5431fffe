import requests


def score(url):
    return requests.get(url, timeout=5).json()["score"]


def ranked(urls):
    top = score(urls[0])
    key = lambda url: score(url)
    return [top] + sorted(urls[1:], key=key)


def report(urls):
    return {"first": score(urls[0]), "ranked": ranked(urls)}
