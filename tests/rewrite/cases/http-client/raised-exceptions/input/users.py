import requests

BASE = "https://api.example.com"


class ApiError(requests.HTTPError):
    pass


class NotFound(ApiError):
    def __init__(self, what, response=None):
        super().__init__(f"{what} not found", response=response)
        self.what = what


def get_user(uid):
    r = requests.get(f"{BASE}/users/{uid}", timeout=5)
    if r.status_code == 404:
        raise NotFound(f"user {uid}", response=r)
    if r.status_code >= 500:
        raise requests.HTTPError(f"server error {r.status_code}", response=r)
    if r.status_code != 200:
        raise requests.exceptions.HTTPError("unexpected status")
    return r.json()


def describe(uid):
    try:
        return get_user(uid)["name"]
    except NotFound as exc:
        return f"missing: {exc.what} ({exc.response.status_code})"
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else None
        return f"failed: {exc} ({status})"
    except requests.RequestException as exc:
        if exc.response is not None:
            return f"failed with a response: {exc.response.status_code}"
        return "unreachable or unreadable"


def check(uid):
    try:
        get_user(uid)
    except requests.RequestException as exc:
        raise requests.RequestException(f"user {uid} unavailable") from exc
    return True


def ready(uid):
    r = requests.get(f"{BASE}/users/{uid}", timeout=5)
    if r.status_code == 202:
        # Still queued: the caller treats it as a timeout.
        raise requests.Timeout
    return r.json()


def wait(uid):
    try:
        return ready(uid)
    except requests.Timeout as exc:
        return f"timed out: {exc}"
