from unittest import mock

import pytest

from client import Team, Users


@pytest.fixture
def users():
    users = mock.MagicMock(get_by_id=mock.AsyncMock())
    users.get_by_id.return_value = {"name": "Ada"}
    return users


@pytest.fixture
def directory():
    return mock.MagicMock(**{"return_value.get_by_id": mock.AsyncMock()})


@pytest.mark.asyncio
async def test_lead_name(users):
    assert await Team(users, 7).lead_name() == "Ada"
    users.get_by_id.assert_called_once_with(7)


@pytest.mark.asyncio
@mock.patch.object(Team, "get_users")
async def test_patched_accessor(get_users, users):
    get_users.return_value = users
    assert await Team(None, 8).lead_name() == "Ada"
    users.get_by_id.assert_called_once_with(8)


@pytest.mark.asyncio
@mock.patch.object(Team, "get_users")
async def test_patched_accessor_called_mock(get_users, directory):
    get_users.return_value = directory()
    directory.return_value.get_by_id.return_value = {"name": "Lin"}
    assert await Team(None, 9).lead_name() == "Lin"


@pytest.mark.asyncio
async def test_real_users():
    assert await Team(Users(), 7).lead_name() == "Ada"
