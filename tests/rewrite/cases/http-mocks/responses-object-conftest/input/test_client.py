import json

from client import BASE, contact, update


def test_contact(crm_mock):
    crm_mock.get(f"{BASE}/contacts/1", json={"name": "a"})
    assert contact(1) == {"name": "a"}
    assert contact(0) == {"name": "zero"}
    assert len(crm_mock.calls) == 2


def test_update(crm_mock):
    crm_mock.patch(f"{BASE}/contacts/3", json={"ok": True})
    assert update(3, name="z") == {"ok": True}
    assert contact(0) == {"name": "zero"}
    assert json.loads(crm_mock.calls[0].request.body) == {"name": "z"}
