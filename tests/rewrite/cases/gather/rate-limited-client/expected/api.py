import asyncio
import threading
import time

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class RateLimiter:
    def __init__(self, per_second):
        self.interval = 1.0 / per_second
        self.last = 0.0
        self.lock = threading.Lock()

    async def wait(self):
        with self.lock:
            delay = self.last + self.interval - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self.last = time.monotonic()


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.limiter = RateLimiter(50)

    async def get(self, path):
        await self.limiter.wait()
        return (await self.session.get(self.base + path, timeout=5)).json()

    async def many(self, paths):
        return [await self.get(p) for p in paths]


async def fetch_all(base, paths):
    return await Client(base).many(paths)
