import time


class Backoff:
    """Sleeps longer after each try, and gives up once ``timeout`` seconds have passed."""

    def __init__(self, timeout=None):
        self.started = time.time()
        self.timeout = timeout
        self.interval = 0.25

    def sleep(self):
        if self.timeout is not None and time.time() - self.started >= self.timeout:
            raise TimeoutError("gave up waiting")
        time.sleep(self.interval)
        self.interval *= 2
