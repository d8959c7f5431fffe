import requests

URL = "https://feeds.example.com/products.txt"


def fetch_feed(since=None, tags=()):
    params = {"since": since, "tag": list(tags)} if since or tags else None
    resp = requests.get(URL, params=params, timeout=5)
    resp.raise_for_status()
    return [line for line in resp.text.splitlines() if line.strip()]
