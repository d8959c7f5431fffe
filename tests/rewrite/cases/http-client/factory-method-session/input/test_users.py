import pytest
import requests

from users import Teams, UsersClient, user_name


def test_user_name():
    assert user_name("t0k", 1) == "Ann"


def test_missing_user():
    client = UsersClient("t0k")
    with pytest.raises(requests.HTTPError):
        client.user(9)
    client.close()


def test_members():
    assert Teams().members("core") == [1, 2]
