from unittest import mock

from shop import Shop


def check():
    with mock.patch("shop.requests.get") as get:
        get.return_value.json.return_value = {"name": "n"}
        shop = Shop()
        assert shop.user(1) == {"name": "n"}
        assert list(map(lambda i: shop.user(i)["name"], "xy")) == ["n", "n"]
        return get.call_count
