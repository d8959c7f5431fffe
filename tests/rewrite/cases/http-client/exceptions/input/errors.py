import requests


def fetch(url):
    try:
        return requests.get(url, timeout=5).json()
    except requests.ConnectionError:
        return None
    except requests.exceptions.Timeout:
        return "timeout"
    except requests.HTTPError as exc:
        return str(exc)
    except requests.RequestException:
        return "error"


def is_network_problem(exc: Exception) -> bool:
    return isinstance(exc, requests.ConnectionError)


def status_of(resp: requests.Response) -> int:
    return resp.status_code


def fetch_quietly(url):
    try:
        return requests.get(url, timeout=5).json()
    except (requests.ConnectionError, ValueError):
        return None


def failure(url):
    try:
        response = requests.get(url, timeout=5)
        response.raise_for_status()
    except requests.exceptions.HTTPError as err:
        return err.response.status_code, err.response.reason, err.response.ok
    return response.status_code, response.reason, response.ok
