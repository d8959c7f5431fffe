import threading
import time

import requests


def reading(url):
    return requests.get(url, timeout=5).json()["value"]


class Poller(threading.Thread):
    def __init__(self, url, rounds=3, interval=0.01):
        super().__init__(daemon=True)
        self.url = url
        self.rounds = rounds
        self.interval = interval
        self.seen = []

    def run(self):
        for _ in range(self.rounds):
            self.seen.append(reading(self.url))
            time.sleep(self.interval)


class LoggingPoller(Poller):
    def run(self):
        super().run()
        self.seen.append("done")


def poll(url, cls=Poller):
    poller = cls(url)
    poller.start()
    poller.join()
    return poller.seen


def logged(url):
    return poll(url, LoggingPoller)
