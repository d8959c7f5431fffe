import functools

import requests

VERBS = {"get": requests.get, "delete": requests.delete}


def call(method, url):
    return VERBS[method](url, timeout=5).status_code


get_short = functools.partial(requests.get, timeout=5)


def short(url):
    return get_short(url).json()


def looked_up(method, url):
    return getattr(requests, method)(url, timeout=5).status_code
