from unittest.mock import AsyncMock, Mock

import pytest

from bird.client import Balance, Client


@pytest.mark.asyncio
async def test_balance():
    assert await Client("key").balance() == 9


@pytest.mark.asyncio
async def test_send():
    assert await Client().send("hello") == "m2"


@pytest.mark.asyncio
async def test_balance_through_a_client_handed_in():
    http_client = Mock(request=AsyncMock())
    http_client.request.return_value = {"amount": 3}
    assert await Client(http_client=http_client).balance() == 3
    http_client.request.assert_called_once_with("/balance")


@pytest.mark.asyncio
async def test_message_through_a_client_handed_in():
    messages = Mock(request=AsyncMock())
    messages.request.return_value = {"id": "m9"}
    assert await Client(message_client=messages).message("m9") == {"id": "m9"}


@pytest.mark.asyncio
async def test_amount_through_a_client_handed_in():
    http_client = Mock(request=AsyncMock())
    http_client.request.return_value = {"amount": 4}
    assert await Balance(http_client).amount() == 4
