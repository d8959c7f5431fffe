import functools

import requests


def retry_call(func, *args, tries=3, **kwargs):
    for attempt in range(tries):
        try:
            return func(*args, **kwargs)
        except requests.ConnectionError:
            if attempt == tries - 1:
                raise


def get_json(url):
    return retry_call(requests.get, url, timeout=5).json()


VERBS = {"get": requests.get, "delete": requests.delete}


def call(method, url):
    return VERBS[method](url, timeout=5).status_code


get_short = functools.partial(requests.get, timeout=5)


def short(url):
    return get_short(url).json()


def direct(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.json()
