import requests
import requests.exceptions as request_errors
from requests import exceptions as errors

BASE = "https://api.example.com"


def item(name):
    try:
        r = requests.get(f"{BASE}/items/{name}", timeout=5)
        r.raise_for_status()
    except errors.HTTPError as error:
        return {"missing": name, "status": error.response.status_code}
    return r.json()


def strict_item(name):
    r = requests.get(f"{BASE}/items/{name}", timeout=5)
    if r.status_code == 404:
        raise request_errors.HTTPError(f"no item {name}", response=r)
    return r.json()


def status_of(name):
    try:
        return strict_item(name)
    except request_errors.HTTPError as error:
        return {"error": str(error)}
