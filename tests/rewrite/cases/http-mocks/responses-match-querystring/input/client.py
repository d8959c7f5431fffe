import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def create(url, item):
    return requests.post(url, json=item, timeout=5).status_code
