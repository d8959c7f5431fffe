import time
from unittest import mock
from unittest.mock import MagicMock, patch

import requests

import service


def fake_fetch(url):
    return {"title": "from " + url}


class Recorded:
    """A callable stand-in that counts its calls."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def __call__(self, url):
        self.calls.append(url)
        return self.answer


@patch("service.fetch", fake_fetch)
def test_decorator_with_fake():
    assert service.title("a") == "from a"


def test_context_manager_with_new_mock():
    with mock.patch("service.fetch", new=MagicMock(return_value={"title": "mocked"})) as fake:
        assert service.titles(["a", "b"]) == ["mocked", "mocked"]
    assert fake.call_count == 2


def test_patch_object_lambda():
    with patch.object(service, "fetch", lambda url: {"title": url.upper()}):
        assert service.title("abc") == "ABC"


def test_patch_return_value():
    with patch("service.fetch", return_value={"title": "plain"}) as fake:
        assert service.title("x") == "plain"
    fake.assert_called_once_with("x")


def test_plain_assignment_of_callable_instance():
    original = service.fetch
    recorded = Recorded({"title": "recorded"})
    service.fetch = recorded
    try:
        assert service.title("u") == "recorded"
    finally:
        service.fetch = original
    assert recorded.calls == ["u"]


def test_method_patched_with_mock():
    api = service.Api("http://unused")
    with patch.object(service.Api, "get", mock.Mock(return_value={"name": "ada"})):
        assert api.name(7) == "ada"


def test_sleep_patched_by_dotted_string(monkeypatch):
    slept = []
    monkeypatch.setattr("time.sleep", slept.append)
    with patch("service.fetch", side_effect=[{}, {}, {"ready": True}]):
        assert service.wait_for("u") == 2
    assert slept == [2, 2]


def test_sleep_patched_on_module_object(monkeypatch):
    slept = []

    def fake_sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(time, "sleep", fake_sleep)
    with patch("service.fetch", side_effect=[{}, {"ready": True}]):
        assert service.wait_for("u") == 1
    assert slept == [2]


@mock.patch("time.sleep")
def test_sleep_patched_with_mock(sleep):
    with patch("service.fetch", return_value={}):
        assert service.wait_for("u", attempts=2) is None
    assert sleep.call_count == 2


def test_sleep_patched_by_pytest_mock(mocker):
    sleep = mocker.patch("service.time.sleep")
    with patch("service.fetch", side_effect=[{}, {"ready": True}]):
        assert service.wait_for("u") == 1
    sleep.assert_called_once_with(2)


def test_unreachable_host():
    with patch("service.fetch", side_effect=requests.ConnectionError):
        assert service.title_or_none("u") is None


def test_unreachable_then_up():
    fetch = MagicMock()
    fetch.side_effect = [requests.ConnectionError, {"title": "up"}]
    with patch("service.fetch", fetch):
        assert service.title_or_none("u") is None
        assert service.title_or_none("u") == "up"
