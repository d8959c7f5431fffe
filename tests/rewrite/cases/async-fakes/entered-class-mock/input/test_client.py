from unittest import mock

from shop.client import item_name


def test_real():
    assert item_name("https://shop.example.com", "lamp") == "Lamp"


def test_patched():
    with mock.patch("shop.client.Client") as client_class:
        client_class.return_value.__enter__.return_value.item.return_value = {"name": "Fake"}
        assert item_name("https://shop.example.com", "lamp") == "Fake"
        client_class.return_value.__exit__.assert_called_once()
