import unittest

import httpx
import pytest

from shop.client import Shop

BASE = "http://shop.example.com"


class ShopTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.shop = Shop(BASE)

    async def test_no_item(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        with self.assertRaises(ValueError):
            await self.shop.price("")

    async def test_no_item_message(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        with self.assertRaisesRegex(ValueError, "no item"):
            await self.shop.price(item="")

    async def test_unknown_item(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        with self.assertRaises(httpx.HTTPStatusError):
            await self.shop.price("gold")


@pytest.mark.asyncio
async def test_unknown_item():
    shop = Shop(BASE)
    assert await shop.price("tea") == 3
    with pytest.raises(httpx.HTTPStatusError):
        await shop.price("gold")
