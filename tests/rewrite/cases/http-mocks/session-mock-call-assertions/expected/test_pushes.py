import json
from unittest.mock import AsyncMock, Mock

import pytest

from _async_helpers import async_client_mock
from pushes import Client


@pytest.mark.asyncio
async def test_push():
    client = Client()
    client._session = async_client_mock()
    client._session.post.return_value = Mock(status_code=200, **{"json.return_value": {"ok": 1}})
    assert await client.push({"k": "v"}) == {"ok": 1}
    client._session.post.assert_called_with(
        Client.URL, content=json.dumps({"k": "v"}), timeout=5
    )


@pytest.mark.asyncio
async def test_pushes():
    client = Client()
    client._session = async_client_mock()
    client._session.get.return_value.json.return_value = [1]
    assert await client.pushes(3) == [1]
    client._session.get.assert_called_once_with(
        Client.URL, params={"limit": 3}, follow_redirects=False
    )


@pytest.mark.asyncio
async def test_push_through_a_local_mock():
    session = Mock(
        get=AsyncMock(return_value=Mock()), post=AsyncMock(return_value=Mock())
    )
    session.post.return_value = Mock(status_code=200, **{"json.return_value": {"ok": 2}})
    client = Client()
    client._session = session
    assert await client.push({"k": "w"}) == {"ok": 2}
    session.post.assert_called_once_with(
        Client.URL, content=json.dumps({"k": "w"}), timeout=5
    )
