from unittest import mock

import pytest

import api


@pytest.fixture
def get():
    with mock.patch("api.requests.get") as patched:
        yield patched


@mock.patch("api.requests.get")
def test_status(get):
    get.return_value.json.return_value = {"status": "green"}
    assert api.status(verify=False) == "green"
    get.assert_called_once_with("https://internal.example.com/status", verify=False, timeout=3)


def test_location(get):
    get.return_value.status_code = 302
    get.return_value.headers = {"Location": "/elsewhere"}
    assert api.location("/old") == "/elsewhere"
    get.assert_called_once_with(
        "https://internal.example.com/old", allow_redirects=False, timeout=3
    )
    assert get.call_args.kwargs["allow_redirects"] is False
    assert get.call_args[1]["timeout"] == 3


def test_search():
    with mock.patch("api.requests.get") as get:
        get.return_value.json.return_value = {"hits": []}
        assert api.search("lamp") == {"hits": []}
        get.assert_called_with("https://internal.example.com/search", {"q": "lamp"}, timeout=3)
        assert get.call_args == mock.call(
            "https://internal.example.com/search", {"q": "lamp"}, timeout=3
        )


def test_publish():
    with mock.patch("api.requests.post") as post:
        post.return_value.status_code = 201
        assert api.publish({"name": "lamp"}) == 201
        assert api.publish({"name": "desk"}) == 201
        post.assert_has_calls(
            [
                mock.call("https://internal.example.com/items", None, {"name": "lamp"}, timeout=3),
                mock.call("https://internal.example.com/items", None, {"name": "desk"}, timeout=3),
            ]
        )


def test_exists():
    with mock.patch("api.requests.head") as head:
        head.return_value.status_code = 200
        assert api.exists("/items/1")
        head.assert_called_once_with("https://internal.example.com/items/1", timeout=3)
