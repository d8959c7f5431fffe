from unittest import mock

from shop import Shop


def _names(shop, ids):
    with mock.patch("shop.requests.get") as get:
        get.return_value.json.return_value = {"name": "n"}
        assert shop.user(0) == {"name": "n"}
        assert list(map(lambda i: shop.user(i)["name"], ids)) == ["n"] * len(ids)
        return get.call_count


def test_names():
    assert _names(Shop(), "xy") == 3


def test_self_check():
    from selfcheck import check

    assert check() == 3
