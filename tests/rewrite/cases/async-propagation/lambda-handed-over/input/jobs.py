import time

import requests


def with_retries(fn, attempts=3, delay=0.01):
    for attempt in range(attempts):
        try:
            return fn()
        except requests.ConnectionError:
            if attempt == attempts - 1:
                raise
            time.sleep(delay)


def timed(label, call):
    started = time.monotonic()
    result = call()
    return label, result, time.monotonic() >= started


def fetch(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.json()


def load(url):
    return with_retries(lambda: fetch(url))


def load_twice(first, second):
    return [with_retries(lambda: fetch(first)), with_retries(lambda: fetch(second), attempts=1)]


def labelled(url):
    label, result, ok = timed("user", call=lambda: fetch(url))
    return {label: result, "ok": ok}
