import threading
import time

import requests


class RateLimiter:
    def __init__(self, per_second):
        self.interval = 1.0 / per_second
        self.last = 0.0
        self.lock = threading.Lock()

    def wait(self):
        with self.lock:
            delay = self.last + self.interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.last = time.monotonic()


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.limiter = RateLimiter(50)

    def get(self, path):
        self.limiter.wait()
        return self.session.get(self.base + path, timeout=5).json()

    def many(self, paths):
        return [self.get(p) for p in paths]


def fetch_all(base, paths):
    return Client(base).many(paths)
