import requests


def status(url, method="GET"):
    return requests.request(method, url, timeout=5).status_code
