import asyncio


class Backoff:
    def __init__(self, delay):
        self.delay = delay

    async def wait(self):
        await asyncio.sleep(self.delay)


class Policy:
    def backoff(self):
        return Backoff(0.01)
