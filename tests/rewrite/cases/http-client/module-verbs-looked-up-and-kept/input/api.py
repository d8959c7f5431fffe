import requests

BASE = "http://api.example.com"


def call(method, path, **params):
    send = getattr(requests, method.lower())
    response = send(BASE + path, params=params, timeout=10)
    response.raise_for_status()
    return response.json()


def status_logged(method, path, log):
    if method:
        send = getattr(requests, method.lower())
        log.append(method.lower())
    response = send(BASE + path)
    log.append(response.status_code)
    return response.ok, response.reason


def fetch_each(method, paths):
    found = []
    for path in paths:
        send = getattr(requests, method)
        found.append(send(BASE + path).json())
    return found


def items():
    return call("GET", "/items", page=1)


def fetch_pair(method, first, second):
    one = getattr(requests, method)
    a = one(BASE + first).json()
    two = getattr(requests, method)
    b = two(BASE + second).json()
    return a, b


def fetch_both(method, first, second):
    one = getattr(requests, method)
    two = getattr(requests, method)
    return one(BASE + first).json(), two(BASE + second).json()
