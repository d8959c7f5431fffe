import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def send(url, payload):
    resp = requests.post(url, json=payload, headers={"X-Token": "t"}, timeout=5)
    return resp.status_code
