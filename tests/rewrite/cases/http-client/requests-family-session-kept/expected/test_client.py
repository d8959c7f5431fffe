from unittest import mock

import pytest
import respx
from requests.exceptions import ConnectionError

from _async_helpers import through_requests
from client import Client


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """client sends through httpx now, client still through requests: this file's
    unittest.mock patches of requests have httpx twins, and respx fails any other
    httpx request before it reaches the network."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@pytest.fixture(autouse=True)
def plain_http(monkeypatch):
    # oauthlib sends a token only over https; the hosts the tests reach may not be.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


@pytest.mark.asyncio
@mock.patch("client.Session.request")
async def test_get(m_req):
    with mock.patch("httpx.AsyncClient.request", side_effect=m_req):
        m_req.return_value.json.return_value = {"id": 1}
        assert await Client().get("/users/1") == {"id": 1}
        m_req.assert_called_once_with("GET", "https://api.example.com/users/1")


@pytest.mark.asyncio
@mock.patch("client.Session.request")
async def test_get_with_token(m_req):
    with mock.patch("httpx.AsyncClient.request", side_effect=m_req):
        m_req.return_value.json.return_value = {"id": 2}
        assert await Client(token="t").get("/users/2") == {"id": 2}
        assert m_req.call_args.kwargs["headers"]["Authorization"] == "Bearer t"


@pytest.mark.asyncio
@mock.patch("client.Session.request", side_effect=ConnectionError("down"))
async def test_error_with_token(m_req):
    with mock.patch("httpx.AsyncClient.request", side_effect=m_req):
        with pytest.raises(LookupError, match="down"):
            await Client(token="t").get("/users/3")
