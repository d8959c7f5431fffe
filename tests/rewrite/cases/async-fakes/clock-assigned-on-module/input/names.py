import requests

from ratelimit import rate_limited


@rate_limited(calls=2, period=1.0)
def lookup(name):
    return requests.get(f"http://names.example.com/names/{name}", timeout=5).json()
