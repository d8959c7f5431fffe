import requests

BASE = "https://feed.example.com"


def lines(name):
    response = requests.get(f"{BASE}/{name}")
    return [line.decode("utf-8").upper() for line in response.iter_lines()]


def words(name):
    response = requests.get(f"{BASE}/{name}")
    return [line.split() for line in response.iter_lines(decode_unicode=True)]


def chunks(name):
    response = requests.get(f"{BASE}/{name}")
    return [len(chunk) for chunk in response.iter_content(chunk_size=4)]


def bytes_one_by_one(name):
    response = requests.get(f"{BASE}/{name}")
    return sum(1 for _ in response.iter_content())
