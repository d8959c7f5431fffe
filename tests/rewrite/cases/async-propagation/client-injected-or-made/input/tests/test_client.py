from unittest.mock import Mock

from bird.client import Balance, Client


def test_balance():
    assert Client("key").balance() == 9


def test_send():
    assert Client().send("hello") == "m2"


def test_balance_through_a_client_handed_in():
    http_client = Mock()
    http_client.request.return_value = {"amount": 3}
    assert Client(http_client=http_client).balance() == 3
    http_client.request.assert_called_once_with("/balance")


def test_message_through_a_client_handed_in():
    messages = Mock()
    messages.request.return_value = {"id": "m9"}
    assert Client(message_client=messages).message("m9") == {"id": "m9"}


def test_amount_through_a_client_handed_in():
    http_client = Mock()
    http_client.request.return_value = {"amount": 4}
    assert Balance(http_client).amount() == 4
