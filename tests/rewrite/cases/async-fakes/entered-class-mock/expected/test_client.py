from unittest import mock

import pytest

from _async_helpers import async_class_mock
from shop.client import item_name


@pytest.mark.asyncio
async def test_real():
    assert await item_name("https://shop.example.com", "lamp") == "Lamp"


@pytest.mark.asyncio
async def test_patched():
    with mock.patch(
        "shop.client.Client", new_callable=async_class_mock("shop.client.Client")
    ) as client_class:
        client_class.return_value.__enter__.return_value.item.return_value = {"name": "Fake"}
        assert await item_name("https://shop.example.com", "lamp") == "Fake"
        client_class.return_value.__exit__.assert_called_once()
