import unittest

import pytest
import responses
from responses import RequestsMock

from client import BASE, contact


@pytest.fixture
def started():
    rsps = responses.RequestsMock()
    rsps.start()
    rsps.add(responses.GET, f"{BASE}/contacts/1", json={"name": "a"})
    yield rsps
    rsps.stop()
    rsps.reset()


def test_started(started):
    assert contact(1) == {"name": "a"}
    assert len(started.calls) == 1


def test_stopped_quietly():
    rsps = RequestsMock()
    rsps.start()
    rsps.add(responses.GET, f"{BASE}/contacts/3", json={"name": "c"})
    rsps.add(responses.GET, f"{BASE}/contacts/4", json={"name": "never asked"})
    try:
        assert contact(3) == {"name": "c"}
    finally:
        rsps.stop(allow_assert=False)


class ContactTest(unittest.TestCase):
    def setUp(self):
        self.rsps = responses.RequestsMock(assert_all_requests_are_fired=False)
        self.rsps.start()
        self.addCleanup(self.rsps.stop)
        self.rsps.add(responses.GET, f"{BASE}/contacts/2", json={"name": "b"})

    def test_contact(self):
        self.assertEqual(contact(2), {"name": "b"})
        self.assertEqual(len(self.rsps.calls), 1)


class ModuleMockTest(unittest.TestCase):
    def setUp(self):
        responses.start()
        self.addCleanup(responses.stop)
        self.addCleanup(responses.reset)
        responses.add(responses.GET, f"{BASE}/contacts/5", json={"name": "e"})

    def test_first(self):
        self.assertEqual(contact(5), {"name": "e"})
        self.assertEqual(len(responses.calls), 1)

    def test_second(self):
        self.assertEqual(contact(5), {"name": "e"})
        self.assertEqual(len(responses.calls), 1)
