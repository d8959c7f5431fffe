import io
import urllib.error
from unittest import mock

import status


class Answer(io.BytesIO):
    status = 200


def test_up():
    def answer(url, timeout):
        assert url == "http://svc.test/health" and timeout == 2
        return Answer(b"ok")

    with mock.patch("status.urllib.request.urlopen", answer):
        assert status.is_up("http://svc.test/health")


def test_down(monkeypatch):
    def refuse(url, timeout=None):
        raise urllib.error.URLError("connection refused")

    monkeypatch.setattr("status.urllib.request.urlopen", refuse)
    assert not status.is_up("http://svc.test/health")
