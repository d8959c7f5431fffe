import time

import requests

API = "http://status.example.com"


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


@Retry(3)
def status(name):
    response = requests.get(f"{API}/status/{name}", timeout=5)
    response.raise_for_status()
    return response.json()


def state_of(name):
    return status(name)["state"]
