import requests


def fetch(url):
    try:
        return requests.get(url, timeout=5).json()
    except requests.ConnectionError:
        return {"error": "unreachable"}
    except (requests.Timeout, ValueError):
        return {"error": "timeout or bad JSON"}


def listing(url):
    try:
        return requests.get(url, timeout=5).json()
    except requests.exceptions.JSONDecodeError:
        return []


def status_of(resp: requests.Response) -> int:
    return resp.status_code


def is_network_problem(exc: requests.RequestException) -> bool:
    return isinstance(exc, requests.ConnectionError)
