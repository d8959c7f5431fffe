import time
import unittest

import names
import ratelimit
from _clock import FrozenClock


class RateLimitTests(unittest.TestCase):
    def setUp(self):
        self.real_sleep = time.sleep
        self.clock = FrozenClock()
        self.clock.install()

        @ratelimit.rate_limited(calls=2, period=1.0)
        def lookup(name):
            return {"name": name, "at": time.time()}

        self.lookup = lookup

    def tearDown(self):
        self.clock.restore()
        self.assertIs(time.sleep, self.real_sleep)

    def test_calls_within_the_allowance_do_not_wait(self):
        first = self.lookup("a")
        second = self.lookup("b")
        self.assertEqual(first["at"], second["at"])
        self.assertEqual(self.clock.slept, [])

    def test_a_call_over_the_allowance_waits(self):
        for name in "abc":
            self.lookup(name)
        self.assertEqual(self.clock.slept, [0.5])

    def test_the_allowance_refills_while_the_caller_sleeps(self):
        self.lookup("a")
        self.lookup("b")
        time.sleep(1.0)
        self.lookup("c")
        self.assertEqual(self.clock.slept, [1.0])


class RealClockTests(unittest.TestCase):
    def test_the_real_clock_is_back(self):
        self.assertNotIsInstance(getattr(time.sleep, "__self__", None), FrozenClock)

    def test_lookup(self):
        self.assertEqual(names.lookup("ada"), {"name": "Ada"})
