from unittest import mock

import requests

from status import Api


class Answer:
    status_code = 204

    def json(self):
        return {"id": 7}


def test_status(monkeypatch):
    seen = []

    def fake_get(session, url, **kwargs):
        seen.append((type(session).__name__, url, kwargs["timeout"]))
        return Answer()

    monkeypatch.setattr(requests.Session, "get", fake_get)
    assert Api("http://svc.test").status("/ping") == 204
    assert seen == [(seen[0][0], "http://svc.test/ping", 5)]


def test_status_by_name(monkeypatch):
    monkeypatch.setattr("requests.Session.get", lambda *args, **kwargs: Answer())
    assert Api("http://svc.test").status("/ping") == 204


def test_create_with_patch_object():
    def fake_post(session, url, json, timeout):
        assert json == {"name": "x"}
        return Answer()

    with mock.patch.object(requests.Session, "post", fake_post):
        assert Api("http://svc.test").create("/items", {"name": "x"}) == {"id": 7}
