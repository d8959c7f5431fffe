import functools
import logging

import requests

log = logging.getLogger(__name__)


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        log.info("calling %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper


@logged
def fetch(url):
    return requests.get(url, timeout=5).json()


def fetch_all(urls):
    return [fetch(url) for url in urls]
