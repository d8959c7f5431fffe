import functools
import time

import requests


def retry(times=3, delay=0.01, exceptions=(requests.ConnectionError,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    time.sleep(delay)

        return wrapper

    return decorate


def backoff(func):
    @functools.wraps(func)
    def wrapper(*args):
        try:
            return func(*args)
        except ValueError:
            time.sleep(0.01)
            return func(*args)

    return wrapper


@retry(times=2)
def price(url):
    return requests.get(url, timeout=5).json()["price"]


@backoff
def parse(text):
    return int(text)
