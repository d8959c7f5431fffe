import pytest


def test_get(client):
    assert client.products.get(1)["name"] == "pen"


def test_order_of_a_missing_product(client):
    with pytest.raises(Exception):
        client.orders.get(9)
