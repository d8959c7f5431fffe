"""Moved to httpx in this step."""

import requests

from feeds import checks, weather


def headlines(url):
    resp = requests.get(url)
    if not checks.usable(resp):
        return checks.label(resp)
    return checks.ensure_ok(resp).json()


def status(url):
    return checks.moved_only(requests.get(url))


def fetched(url) -> requests.Response:
    resp: requests.Response = requests.get(url)
    return resp


def alerts(url):
    return weather.checked(requests.get(url))
