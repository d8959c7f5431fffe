import requests
from requests.exceptions import ConnectionError, ReadTimeout


def fetch(url):
    try:
        return requests.get(url, timeout=2).json()
    except ReadTimeout:
        return {"error": "timeout"}
    except ConnectionError:
        return {"error": "unreachable"}


def is_timeout(exc):
    return isinstance(exc, ReadTimeout)
