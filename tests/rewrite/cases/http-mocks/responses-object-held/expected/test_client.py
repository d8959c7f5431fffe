import json

import httpx
import pytest
import requests
import responses
import respx

from _async_helpers import through_requests
from client import BASE, contact, update


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """client sends through httpx now, but this file's requests mocks stay whole
    (rsps.add_passthru (line 13) has no respx twin): respx hands httpx's requests to
    them, and they answer and record them as before."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@pytest.fixture
def mocked():
    with responses.RequestsMock() as rsps:
        rsps.add_passthru("https://static.example.org")
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps


@pytest.mark.asyncio
async def test_contact(mocked):
    mocked.add(responses.GET, f"{BASE}/contacts/1", json={"name": "a"})
    assert await contact(1) == {"name": "a"}
    assert await contact(0) == {"name": "zero"}
    assert len(mocked.calls) == 2


@pytest.mark.asyncio
async def test_update(mocked):
    mocked.add(responses.PATCH, f"{BASE}/contacts/3", json={"ok": True})
    assert await update(3, name="z") == {"ok": True}
    assert await contact(0) == {"name": "zero"}
    assert json.loads(mocked.calls[0].request.body) == {"name": "z"}


@pytest.mark.asyncio
async def test_unknown_contact():
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        with pytest.raises(
            (
                requests.ConnectionError,
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            )
        ):
            await contact(2)
