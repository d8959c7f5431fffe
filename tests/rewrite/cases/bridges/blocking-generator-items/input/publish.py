import os

import requests

HERE = os.path.dirname(os.path.abspath(__file__))


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n")


def publish(url, name):
    sent = 0
    for line in lines(name):
        if line:
            requests.post(url, json={"line": line}, timeout=5).raise_for_status()
            sent += 1
    return sent


def longest(url, name):
    limit = requests.get(url, timeout=5).json()["limit"]
    return max([len(line) for line in lines(name) if len(line) <= limit])


def upload(url, name):
    body = (line.encode() + b"\n" for line in lines(name))
    return requests.put(url, data=body, timeout=5).status_code
