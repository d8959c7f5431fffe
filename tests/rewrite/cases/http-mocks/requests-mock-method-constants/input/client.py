import requests


def create(url, payload):
    resp = requests.post(url, json=payload, timeout=5)
    return resp.status_code


def remove(url):
    return requests.delete(url, timeout=5).status_code
