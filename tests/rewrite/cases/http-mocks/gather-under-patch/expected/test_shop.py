from unittest import mock

import pytest

from _async_helpers import gather_in_order
from shop import Shop


async def _names(shop, ids):
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value.json.return_value = {"name": "n"}
        assert await shop.user(0) == {"name": "n"}
        assert [
            user["name"]
            for user in await gather_in_order((shop.user(i) for i in ids), limit=10)
        ] == ["n"] * len(ids)
        return get.call_count


@pytest.mark.asyncio
async def test_names():
    assert await _names(Shop(), "xy") == 3


@pytest.mark.asyncio
async def test_self_check():
    from selfcheck import check

    assert await check() == 3
