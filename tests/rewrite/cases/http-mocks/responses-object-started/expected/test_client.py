import unittest

import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from client import BASE, contact


@pytest.fixture
def started():
    rsps = respx.mock()
    rsps.start()
    unmatched_connect_error(rsps)
    rsps.get(f"{BASE}/contacts/1").mock(
        return_value=httpx.Response(200, json={"name": "a"})
    )
    yield rsps
    rsps.stop()
    rsps.clear()
    rsps.reset()


@pytest.mark.asyncio
async def test_started(started):
    assert await contact(1) == {"name": "a"}
    assert len(started.calls) == 1


@pytest.mark.asyncio
async def test_stopped_quietly():
    rsps = respx.mock()
    rsps.start()
    unmatched_connect_error(rsps)
    rsps.get(f"{BASE}/contacts/3").mock(
        return_value=httpx.Response(200, json={"name": "c"})
    )
    rsps.get(f"{BASE}/contacts/4").mock(
        return_value=httpx.Response(200, json={"name": "never asked"})
    )
    try:
        assert await contact(3) == {"name": "c"}
    finally:
        rsps.stop(quiet=True)


class ContactTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.rsps = respx.mock(assert_all_called=False)
        self.rsps.start()
        unmatched_connect_error(self.rsps)
        self.addCleanup(self.rsps.stop)
        self.rsps.get(f"{BASE}/contacts/2").mock(
            return_value=httpx.Response(200, json={"name": "b"})
        )

    async def test_contact(self):
        self.assertEqual(await contact(2), {"name": "b"})
        self.assertEqual(len(self.rsps.calls), 1)


class ModuleMockTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        respx.start()
        unmatched_connect_error(respx)
        self.addCleanup(respx.stop)
        self.addCleanup(respx.reset)
        respx.get(f"{BASE}/contacts/5").mock(
            return_value=httpx.Response(200, json={"name": "e"})
        )

    async def test_first(self):
        self.assertEqual(await contact(5), {"name": "e"})
        self.assertEqual(len(respx.calls), 1)

    async def test_second(self):
        self.assertEqual(await contact(5), {"name": "e"})
        self.assertEqual(len(respx.calls), 1)
