import unittest

import httpx
import pytest
from asgiref.sync import async_to_sync, sync_to_async

from shop.client import Shop

raises = sync_to_async(pytest.raises, thread_sensitive=False)

BASE = "http://shop.example.com"


class ShopTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.shop = Shop(BASE)

    async def test_no_item(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        await sync_to_async(self.assertRaises, thread_sensitive=False)(
            ValueError, async_to_sync(self.shop.price), ""
        )

    async def test_no_item_message(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        await sync_to_async(self.assertRaisesRegex, thread_sensitive=False)(
            ValueError, "no item", async_to_sync(self.shop.price), item=""
        )

    async def test_unknown_item(self):
        self.assertEqual(await self.shop.price("tea"), 3)
        await sync_to_async(self.assertRaises, thread_sensitive=False)(
            httpx.HTTPStatusError, async_to_sync(self.shop.price), "gold"
        )


@pytest.mark.asyncio
async def test_unknown_item():
    shop = Shop(BASE)
    assert await shop.price("tea") == 3
    await raises(httpx.HTTPStatusError, async_to_sync(shop.price), "gold")
