import requests

from .errors import HTTPError, LibError, Timeout


def fetch(url):
    try:
        response = requests.get(url, timeout=2)
        response.raise_for_status()
    except HTTPError as exc:
        raise LibError(exc.response.status_code) from exc
    except Timeout:
        return None
    return response.json()
