import time

import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def title(url):
    return fetch(url)["title"]


def titles(urls):
    return [fetch(url)["title"] for url in urls]


def wait_for(url, attempts=3):
    for attempt in range(attempts):
        if fetch(url).get("ready"):
            return attempt
        time.sleep(2)
    return None


class Api:
    def __init__(self, base):
        self.base = base

    def get(self, path):
        return requests.get(self.base + path, timeout=5).json()

    def name(self, user_id):
        return self.get(f"/users/{user_id}")["name"]


def title_or_none(url):
    try:
        return title(url)
    except requests.ConnectionError:
        return None
