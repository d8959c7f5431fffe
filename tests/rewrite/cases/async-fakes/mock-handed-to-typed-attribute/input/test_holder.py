from unittest import mock

from app.holder import Holder


def test_load_asks_the_owner():
    owner = mock.Mock()
    owner.fetch.return_value = {"title": "Ada"}
    holder = Holder(owner, "7")
    assert holder.label() == "7: Ada"
    owner.fetch.assert_called_once_with("/items/7")


def test_load_gives_what_the_owner_gives():
    owner = mock.MagicMock()
    assert Holder(owner, "x").load() is owner.fetch.return_value


def test_a_bare_mock_handed_to_the_constructor():
    owner = mock.MagicMock()
    holder = Holder(owner, "9")
    assert holder.label().startswith("9: ")
