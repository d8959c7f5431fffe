from unittest import mock

import pytest
from requests.exceptions import ConnectionError

from client import Client


@pytest.fixture(autouse=True)
def plain_http(monkeypatch):
    # oauthlib sends a token only over https; the hosts the tests reach may not be.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


@mock.patch("client.Session.request")
def test_get(m_req):
    m_req.return_value.json.return_value = {"id": 1}
    assert Client().get("/users/1") == {"id": 1}
    m_req.assert_called_once_with("GET", "https://api.example.com/users/1")


@mock.patch("client.Session.request")
def test_get_with_token(m_req):
    m_req.return_value.json.return_value = {"id": 2}
    assert Client(token="t").get("/users/2") == {"id": 2}
    assert m_req.call_args.kwargs["headers"]["Authorization"] == "Bearer t"


@mock.patch("client.Session.request", side_effect=ConnectionError("down"))
def test_error_with_token(m_req):
    with pytest.raises(LookupError, match="down"):
        Client(token="t").get("/users/3")
