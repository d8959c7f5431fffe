import threading
import time

import httpx
from asgiref.sync import async_to_sync

from _async_helpers import TLS_CONTEXT


async def reading(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()["value"]


class Poller(threading.Thread):
    def __init__(self, url, rounds=3, interval=0.01):
        super().__init__(daemon=True)
        self.url = url
        self.rounds = rounds
        self.interval = interval
        self.seen = []

    def run(self):
        for _ in range(self.rounds):
            self.seen.append(async_to_sync(reading)(self.url))
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
