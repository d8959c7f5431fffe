from unittest import mock

import pytest

from app.holder import Holder


@pytest.mark.asyncio
async def test_load_asks_the_owner():
    owner = mock.Mock(fetch=mock.AsyncMock())
    owner.fetch.return_value = {"title": "Ada"}
    holder = Holder(owner, "7")
    assert await holder.label() == "7: Ada"
    owner.fetch.assert_called_once_with("/items/7")


@pytest.mark.asyncio
async def test_load_gives_what_the_owner_gives():
    owner = mock.MagicMock(fetch=mock.AsyncMock())
    assert await Holder(owner, "x").load() is owner.fetch.return_value


@pytest.mark.asyncio
async def test_a_bare_mock_handed_to_the_constructor():
    owner = mock.MagicMock(fetch=mock.AsyncMock())
    holder = Holder(owner, "9")
    assert (await holder.label()).startswith("9: ")
