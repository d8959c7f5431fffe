"""Stays on requests in this step."""

import httpx
import requests

from feeds import checks


def forecast(url):
    resp = requests.get(url)
    if not checks.usable(resp):
        return checks.label(resp)
    return checks.ensure_ok(resp).json()


def status(url):
    return checks.kept_only(requests.get(url))


class FeedError(Exception):
    pass


def checked(resp):
    try:
        if 400 <= resp.status_code < 600:
            resp.raise_for_status()
    except (requests.HTTPError, httpx.HTTPStatusError) as exc:
        raise FeedError(str(exc.response.status_code)) from exc
    return resp.json()


def alerts(url):
    return checked(requests.get(url))
