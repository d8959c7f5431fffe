from unittest import mock

import prices
import stock


@mock.patch("requests.get")
def test_both(get):
    get.return_value.json.return_value = {"price": 3, "stock": 9}
    assert stock.stock("a") == 9
    assert prices.price("a") == 3


def test_a_fake():
    def fake_get(url, timeout):
        return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})

    with mock.patch("requests.get", fake_get):
        assert prices.price("a") + stock.stock("a") == 3


def test_counted():
    with mock.patch("requests.get") as get:
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        assert prices.price("a") == 3
        assert stock.stock("a") == 9
        assert get.call_count == 2
