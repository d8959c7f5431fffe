import requests


def score(url):
    return requests.get(url, timeout=5).json()["score"]


def best(urls):
    return sorted(urls, key=lambda url: score(url))[-1]


def first_score(urls):
    return score(urls[0])
