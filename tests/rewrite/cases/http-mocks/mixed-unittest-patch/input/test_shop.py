from unittest import mock

import prices
import stock


@mock.patch("requests.get")
def test_both(get):
    get.return_value.json.return_value = {"price": 3, "stock": 9}
    assert stock.stock("a") == 9
    assert prices.price("a") == 3
