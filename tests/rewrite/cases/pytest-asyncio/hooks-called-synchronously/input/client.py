import time

import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def wait_until_up(url, tries=3):
    for _ in range(tries):
        if requests.get(url, timeout=5).ok:
            return True
        time.sleep(0.01)
    return False
