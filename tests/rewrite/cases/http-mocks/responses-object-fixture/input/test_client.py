import json

import pytest
import requests
import responses

from client import BASE, contact, update


@pytest.fixture
def mocked():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/0", json={"name": "zero"})
        yield rsps


@pytest.fixture
def crm(mocked):
    return mocked


def test_contact(mocked):
    mocked.add(responses.GET, f"{BASE}/contacts/1", json={"name": "a"})
    assert contact(1) == {"name": "a"}
    assert contact(0) == {"name": "zero"}
    assert len(mocked.calls) == 2
    assert mocked.calls[1].request.url == f"{BASE}/contacts/0"
    mocked.assert_call_count(f"{BASE}/contacts/1", 1)


def test_update(crm: responses.RequestsMock):
    crm.add(responses.PATCH, f"{BASE}/contacts/3", json={"ok": True})
    crm.replace(responses.GET, f"{BASE}/contacts/0", json={"name": "replaced"})
    assert update(3, name="z") == {"ok": True}
    assert contact(0) == {"name": "replaced"}
    assert json.loads(crm.calls[0].request.body) == {"name": "z"}
    assert crm.assert_call_count(f"{BASE}/contacts/0", 1)


def test_upsert_and_callback(mocked):
    mocked.upsert(responses.GET, f"{BASE}/contacts/0", json={"name": "upserted"})
    mocked.upsert(responses.GET, f"{BASE}/contacts/5", json={"name": "new"})
    mocked.add_callback(
        responses.PATCH,
        f"{BASE}/contacts/5",
        callback=lambda request: (200, {}, json.dumps({"echo": json.loads(request.body)})),
        content_type="application/json",
    )
    assert contact(0) == {"name": "upserted"}
    assert contact(5) == {"name": "new"}
    assert update(5, name="e") == {"echo": {"name": "e"}}


def test_reset(mocked):
    assert contact(0) == {"name": "zero"}
    mocked.reset()
    mocked.get(f"{BASE}/contacts/7", json={"name": "seven"})
    assert contact(7) == {"name": "seven"}
    assert len(mocked.calls) == 1


def test_alone():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add(responses.GET, f"{BASE}/contacts/2", status=404)
        rsps.add(responses.GET, f"{BASE}/contacts/9", json={})
        with pytest.raises(requests.HTTPError):
            contact(2)
        assert len(rsps.calls) == 1
        with pytest.raises(requests.ConnectionError):
            contact(8)


def test_unknown_contact(mocked):
    assert contact(0) == {"name": "zero"}
    with pytest.raises(requests.ConnectionError):
        contact(404)
