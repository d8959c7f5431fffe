from unittest import mock

from client import Api, first_item

BASE = "https://example.com"


def test_first_item_closes_its_client():
    with mock.patch("client.Api.close") as close:
        assert first_item(BASE) == {"id": 1}
    close.assert_called_once_with()


def test_closed_through_the_class():
    with mock.patch.object(Api, "close") as close:
        first_item(BASE)
    assert close.call_count == 1
