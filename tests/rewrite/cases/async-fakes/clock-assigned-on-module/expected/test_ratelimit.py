import asyncio
import time
import unittest

import names
import ratelimit
from _clock import FrozenClock


class RateLimitTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.real_sleep = asyncio.sleep
        self.clock = FrozenClock()
        self.clock.install()

        @ratelimit.rate_limited(calls=2, period=1.0)
        async def lookup(name):
            return {"name": name, "at": time.time()}

        self.lookup = lookup

    def tearDown(self):
        self.clock.restore()
        self.assertIs(asyncio.sleep, self.real_sleep)

    async def test_calls_within_the_allowance_do_not_wait(self):
        first = await self.lookup("a")
        second = await self.lookup("b")
        self.assertEqual(first["at"], second["at"])
        self.assertEqual(self.clock.slept, [])

    async def test_a_call_over_the_allowance_waits(self):
        for name in "abc":
            await self.lookup(name)
        self.assertEqual(self.clock.slept, [0.5])

    async def test_the_allowance_refills_while_the_caller_sleeps(self):
        await self.lookup("a")
        await self.lookup("b")
        await asyncio.sleep(1.0)
        await self.lookup("c")
        self.assertEqual(self.clock.slept, [1.0])


class RealClockTests(unittest.IsolatedAsyncioTestCase):
    def test_the_real_clock_is_back(self):
        self.assertNotIsInstance(getattr(asyncio.sleep, "__self__", None), FrozenClock)

    async def test_lookup(self):
        self.assertEqual(await names.lookup("ada"), {"name": "Ada"})
