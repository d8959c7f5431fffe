import functools
import logging
import time

import requests

API = "http://status.example.com"
log = logging.getLogger(__name__)


class Retry:
    """Retries what it decorates when the upstream answers with an error."""

    def __init__(self, times, pause=0.01):
        self.times = times
        self.pause = pause

    def __call__(self, fn):
        def wrapped(*args, **kwargs):
            for attempt in range(self.times):
                try:
                    return fn(*args, **kwargs)
                except requests.HTTPError:
                    if attempt == self.times - 1:
                        raise
                    time.sleep(self.pause)

        return wrapped


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        log.info("calling %s", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def _status(name):
    response = requests.get(f"{API}/status/{name}", timeout=5)
    response.raise_for_status()
    return response.json()


def _incidents(name):
    return requests.get(f"{API}/incidents/{name}", timeout=5).json()


status = Retry(3)(_status)
incidents = logged(_incidents)
# Kept for callers of the old name.
get_status = status


def state_of(name):
    return status(name)["state"]
