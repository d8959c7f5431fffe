import time


class Backoff:
    def __init__(self, delay):
        self.delay = delay

    def wait(self):
        time.sleep(self.delay)


class Policy:
    def backoff(self):
        return Backoff(0.01)
