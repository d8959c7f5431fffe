import requests


def describe(url):
    resp = requests.get(url, timeout=5)
    if not resp.ok:
        return f"{resp.status_code} {resp.reason} from {resp.url}"
    return "fine"


def checked(url):
    resp = requests.get(url, timeout=5)
    resp.raise_for_status()
    return resp.json()


def lines(url):
    resp = requests.get(url, timeout=5)
    return list(resp.iter_lines())


def from_parameter(resp: requests.Response) -> bool:
    return resp.ok


def load(url):
    return from_parameter(requests.get(url, timeout=5))


def status_after_check(url):
    resp = requests.get(url, timeout=5)
    return resp.raise_for_status() or resp.status_code


def check_result(url):
    resp = requests.get(url, timeout=5)
    return resp.raise_for_status()


def moved_for_good(url):
    resp = requests.get(url, timeout=5, allow_redirects=False)
    if not resp.is_permanent_redirect:
        return None
    return resp.headers["location"]
