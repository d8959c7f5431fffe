"""A clock for the tests: time only moves when the code sleeps."""

import asyncio
import time


class FrozenClock:
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def time(self):
        return self.now

    async def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds

    def install(self):
        self.saved = {"time": time.time, "sleep": asyncio.sleep}
        time.time = self.time
        asyncio.sleep = self.sleep

    def restore(self):
        time.time = self.saved["time"]
        asyncio.sleep = self.saved["sleep"]
