from unittest import mock

import pytest

from client import Team, Users


@pytest.fixture
def users():
    users = mock.MagicMock()
    users.get_by_id.return_value = {"name": "Ada"}
    return users


@pytest.fixture
def directory():
    return mock.MagicMock()


def test_lead_name(users):
    assert Team(users, 7).lead_name() == "Ada"
    users.get_by_id.assert_called_once_with(7)


@mock.patch.object(Team, "get_users")
def test_patched_accessor(get_users, users):
    get_users.return_value = users
    assert Team(None, 8).lead_name() == "Ada"
    users.get_by_id.assert_called_once_with(8)


@mock.patch.object(Team, "get_users")
def test_patched_accessor_called_mock(get_users, directory):
    get_users.return_value = directory()
    directory.return_value.get_by_id.return_value = {"name": "Lin"}
    assert Team(None, 9).lead_name() == "Lin"


def test_real_users():
    assert Team(Users(), 7).lead_name() == "Ada"
