import pytest
import requests

from svc.client import Client, user_name

URL = "https://svc.example.com/v1"


def test_user_name():
    assert user_name(1) == "ann"


def test_groups():
    client = Client(URL, token="t0k")
    assert client.groups.list() == [{"id": 1}]


def test_create_user():
    assert Client(URL).users.create(name="bob") == {"id": 2, "name": "bob"}


def test_missing_user():
    with pytest.raises(requests.HTTPError):
        Client(URL).users.get(9)
