from unittest import mock

import pytest

from client import Api, first_item

BASE = "https://example.com"


@pytest.mark.asyncio
async def test_first_item_closes_its_client():
    with mock.patch("client.Api.aclose") as close:
        assert await first_item(BASE) == {"id": 1}
    close.assert_called_once_with()


@pytest.mark.asyncio
async def test_closed_through_the_class():
    with mock.patch.object(Api, "aclose") as close:
        await first_item(BASE)
    assert close.call_count == 1
