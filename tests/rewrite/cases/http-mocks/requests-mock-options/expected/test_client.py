import unittest
from urllib.parse import parse_qs

import httpx
import pytest
import respx

import client


@pytest.mark.asyncio
async def test_case_kept():
    with respx.mock(assert_all_called=False) as m:
        m.get(f"{client.BASE}/Items/AB1").mock(
            return_value=httpx.Response(200, json={"sku": "AB1"})
        )
        assert await client.item("AB1", Colour="Red") == {"sku": "AB1"}
        assert m.calls.last.request.url.path == "/Items/AB1"
        assert parse_qs(
            m.calls.last.request.url.query.decode(), keep_blank_values=True
        ) == {"Colour": ["Red"]}
        assert m.calls.last.request.url.query.decode() == "Colour=Red"


@pytest.mark.asyncio
async def test_case_lowered():
    with respx.mock(assert_all_called=False) as m:
        m.get(f"{client.BASE}/Items/AB1").mock(
            return_value=httpx.Response(200, json={"sku": "AB1"})
        )
        assert await client.item("AB1", Colour="Red") == {"sku": "AB1"}
        assert m.calls.last.request.url.path.lower() == "/items/ab1"
        assert parse_qs(
            m.calls.last.request.url.query.decode().lower(), keep_blank_values=True
        ) == {"colour": ["red"]}


class CaseKeptTest(unittest.IsolatedAsyncioTestCase):
    @respx.mock
    async def test_item(self, respx_mock):
        respx_mock.get(f"{client.BASE}/Items/CD3").mock(
            return_value=httpx.Response(200, json={"sku": "CD3"})
        )
        self.assertEqual(await client.item("CD3", Size="L"), {"sku": "CD3"})
        self.assertEqual(respx_mock.calls[0].request.url.path, "/Items/CD3")
        self.assertEqual(
            parse_qs(
                respx_mock.calls[0].request.url.query.decode(), keep_blank_values=True
            ),
            {"Size": ["L"]},
        )


@pytest.mark.asyncio
async def test_reaches_the_upstream():
    assert await client.item("EF4") == {"sku": "upstream"}
