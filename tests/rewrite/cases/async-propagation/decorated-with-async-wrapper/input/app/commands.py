import functools

import requests


class Unauthorized(Exception):
    pass


def handled(func):
    @functools.wraps(func)
    def wrapper(*args):
        try:
            return func(*args)
        except Unauthorized:
            return "not authorized"

    return wrapper


@handled
def show(url):
    r = requests.get(url, timeout=5)
    if r.status_code == 401:
        raise Unauthorized()
    return r.json()["name"]


@handled
def version():
    return "1.0"
