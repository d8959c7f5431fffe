from time import monotonic, sleep

import requests


def poll(url, attempts):
    started = monotonic()
    for _ in range(attempts):
        if requests.get(url, timeout=5).ok:
            return monotonic() - started
        sleep(1)
    return None


def pause():
    sleep(2)
