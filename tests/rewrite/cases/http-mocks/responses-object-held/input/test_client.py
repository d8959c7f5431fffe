import json

import pytest
import requests
import responses

from client import BASE, contact, update


@pytest.fixture
def mocked():
    with responses.RequestsMock() as rsps:
        rsps.add_passthru("https://static.example.org")
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps


def test_contact(mocked):
    mocked.add(responses.GET, f"{BASE}/contacts/1", json={"name": "a"})
    assert contact(1) == {"name": "a"}
    assert contact(0) == {"name": "zero"}
    assert len(mocked.calls) == 2


def test_update(mocked):
    mocked.add(responses.PATCH, f"{BASE}/contacts/3", json={"ok": True})
    assert update(3, name="z") == {"ok": True}
    assert contact(0) == {"name": "zero"}
    assert json.loads(mocked.calls[0].request.body) == {"name": "z"}


def test_unknown_contact():
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        with pytest.raises(requests.ConnectionError):
            contact(2)
