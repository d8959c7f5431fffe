import unittest

from backoff import Backoff
from clock import mocked_time


class BackoffTests(unittest.TestCase):
    def test_sleeps_longer_each_time(self):
        with mocked_time() as now:
            backoff = Backoff()
            backoff.sleep()
            backoff.sleep()
            self.assertEqual(now(), 0.75)

    def test_gives_up_after_the_timeout(self):
        with mocked_time() as now:
            backoff = Backoff(timeout=0.5)
            backoff.sleep()
            backoff.sleep()
            self.assertEqual(now(), 0.75)
            with self.assertRaises(TimeoutError):
                backoff.sleep()
