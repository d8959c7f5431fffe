from unittest import mock

from _async_helpers import gather_in_order
from shop import Shop


async def check():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value.json.return_value = {"name": "n"}
        shop = Shop()
        assert await shop.user(1) == {"name": "n"}
        assert [
            user["name"]
            for user in await gather_in_order((shop.user(i) for i in "xy"), limit=10)
        ] == ["n", "n"]
        return get.call_count
