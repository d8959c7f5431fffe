import unittest
from unittest import mock

import httpx
import pytest
import respx

import client


class KeywordTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.sku = "A1"

    @respx.mock
    async def test_found(self, respx_mock):
        respx_mock.get(f"{client.BASE}/items/A1").mock(
            return_value=httpx.Response(200, json={"sku": "A1"})
        )
        self.assertEqual(await client.item(self.sku), {"sku": "A1"})
        self.assertEqual(respx_mock.calls.call_count, 1)

    @respx.mock
    async def test_aliased(self, respx_mock):
        m = respx_mock
        m.get(f"{client.BASE}/items/A3").mock(
            return_value=httpx.Response(200, json={"sku": "A3"}, headers={"ETag": "e3"})
        )
        self.assertEqual(await client.item("A3"), {"sku": "A3"})
        self.assertEqual(m.calls.last.request.method, "GET")

    @respx.mock
    async def test_named(self, respx_mock):
        respx_mock.get(f"{client.BASE}/items/A2").mock(return_value=httpx.Response(500))
        with self.assertRaises(httpx.HTTPStatusError):
            await client.item("A2")
        self.assertEqual(respx_mock.calls.last.request.url.path.lower(), "/items/a2")

    def sku_of(self, name):
        return name.upper()


class PositionalTest(unittest.IsolatedAsyncioTestCase):
    @respx.mock
    async def test_found(self, respx_mock):
        respx_mock.get(f"{client.BASE}/items/B1").mock(
            return_value=httpx.Response(200, json={"sku": "B1"})
        )
        self.assertEqual(await client.item("B1"), {"sku": "B1"})

    @mock.patch("client.audit")
    @respx.mock
    async def test_missing_audited(self, audit, respx_mock):
        respx_mock.get(f"{client.BASE}/items/B2").mock(return_value=httpx.Response(404))
        self.assertIsNone(await client.item("B2"))
        audit.assert_called_once_with("missing B2")


class MethodTest(unittest.IsolatedAsyncioTestCase):
    @mock.patch("client.audit")
    @respx.mock
    async def test_mocker_over_a_patch(self, audit, respx_mock):
        respx_mock.get(f"{client.BASE}/items/C1").mock(return_value=httpx.Response(404))
        self.assertIsNone(await client.item("C1"))
        self.assertTrue(respx_mock.calls.called)
        audit.assert_called_once_with("missing C1")

    @mock.patch("client.audit")
    @respx.mock
    async def test_mocker_under_a_patch(self, audit, respx_mock):
        respx_mock.get(f"{client.BASE}/items/C2").mock(return_value=httpx.Response(404))
        self.assertIsNone(await client.item("C2"))
        audit.assert_called_once_with("missing C2")


class TestPytestStyle:
    @pytest.mark.asyncio
    @respx.mock
    async def test_found(self, respx_mock):
        respx_mock.get(f"{client.BASE}/items/D1").mock(
            return_value=httpx.Response(200, json={"sku": "D1"})
        )
        assert await client.item("D1") == {"sku": "D1"}


@pytest.mark.asyncio
@respx.mock
async def test_function(respx_mock):
    respx_mock.get(f"{client.BASE}/items/E1").mock(
        return_value=httpx.Response(200, json={"sku": "E1"})
    )
    assert await client.item("E1") == {"sku": "E1"}
