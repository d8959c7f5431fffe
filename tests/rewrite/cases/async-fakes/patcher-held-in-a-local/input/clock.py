import unittest
from contextlib import contextmanager


@contextmanager
def mocked_time():
    """A clock that only moves when the code sleeps."""
    now = 0

    def sleep_mock(interval):
        nonlocal now
        now += interval

    def get_time():
        return now

    try:
        patch = unittest.mock.patch
    except AttributeError:
        from unittest.mock import patch
    with patch("time.sleep", sleep_mock), patch("time.time", get_time):
        yield get_time
