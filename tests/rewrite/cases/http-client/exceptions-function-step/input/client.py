import requests


def fetch(url):
    try:
        return requests.get(url, timeout=5).json()
    except requests.ConnectionError:
        return {"error": "unreachable"}
    except (requests.Timeout, requests.exceptions.JSONDecodeError):
        return {"error": "timeout or bad JSON"}


def ping(url):
    try:
        return requests.head(url, timeout=5).status_code
    except requests.ConnectionError:
        return None
