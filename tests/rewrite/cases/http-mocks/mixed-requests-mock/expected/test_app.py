import unittest
from unittest import mock

import pytest
import requests_mock
import respx
from asgiref.sync import sync_to_async

import api
from _async_helpers import through_requests
from legacy import LegacySession


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """api sends through httpx now, legacy still through requests: respx hands
    httpx's requests to this file's requests mocks, which answer and record both as
    before."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@pytest.mark.asyncio
async def test_both(requests_mock):
    requests_mock.get("https://prices.example.test/a", json={"price": 3})
    requests_mock.get("https://stock.example.test/a", json={"stock": 9})
    assert await api.price("a") == 3
    assert await sync_to_async(LegacySession().stock, thread_sensitive=False)("a") == 9
    assert requests_mock.call_count == 2
    assert [r.hostname for r in requests_mock.request_history] == [
        "prices.example.test",
        "stock.example.test",
    ]


class PriceTest(unittest.IsolatedAsyncioTestCase):
    async def test_price(self):
        with requests_mock.Mocker() as m:
            m.get("https://prices.example.test/a", json={"price": 3})
            self.assertEqual(await api.price("a"), 3)
            self.assertTrue(m.called_once)


class BothTest(unittest.IsolatedAsyncioTestCase):
    async def test_both(self):
        with requests_mock.Mocker() as m:
            m.get("https://prices.example.test/a", json={"price": 3})
            m.get("https://stock.example.test/a", json={"stock": 9})
            self.assertEqual(await api.price("a"), 3)
            self.assertEqual(
                await sync_to_async(LegacySession().stock, thread_sensitive=False)("a"),
                9,
            )
            self.assertEqual(m.call_count, 2)

    @requests_mock.Mocker()
    def test_stock(self, m):
        m.get("https://stock.example.test/a", json={"stock": 9})
        self.assertEqual(LegacySession().stock("a"), 9)


class KeywordTest(unittest.IsolatedAsyncioTestCase):
    async def test_price(self):
        with requests_mock.Mocker() as m:
            m.get("https://prices.example.test/b", json={"price": 4})
            self.assertEqual(await api.price("b"), 4)
            self.assertEqual(m.call_count, 1)

    @mock.patch("legacy.LegacySession.stock", return_value=7)
    async def test_stock_patched(self, stock):
        with requests_mock.Mocker() as m:
            m.get("https://prices.example.test/c", json={"price": 5})
            self.assertEqual(
                await api.price("c") + await sync_to_async(
                    LegacySession().stock, thread_sensitive=False
                )("c"),
                12,
            )
            stock.assert_called_once_with("c")


class PatchedTest(unittest.IsolatedAsyncioTestCase):
    @mock.patch("legacy.LegacySession.stock", return_value=8)
    async def test_price_and_stock(self, stock):
        with requests_mock.Mocker() as m:
            m.get("https://prices.example.test/d", json={"price": 6})
            self.assertEqual(
                await api.price("d") + await sync_to_async(
                    LegacySession().stock, thread_sensitive=False
                )("d"),
                14,
            )
            self.assertEqual(m.call_count, 1)

    @requests_mock.Mocker()
    @mock.patch("legacy.LegacySession.stock", return_value=9)
    def test_stock_only(self, m, stock):
        self.assertEqual(LegacySession().stock("e"), 9)
        self.assertFalse(m.called)
