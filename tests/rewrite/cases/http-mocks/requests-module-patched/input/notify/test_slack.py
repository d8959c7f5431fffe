from unittest import mock

import pytest

from notify import slack


@mock.patch("notify.slack.requests")
def test_post_message(requests_mock):
    requests_mock.post.return_value.status_code = 200
    assert slack.post_message("hi")
    requests_mock.post.assert_called_once_with(
        slack.HOOK, json={"text": "hi", "channel": "#general"}, timeout=5
    )


@mock.patch("notify.slack.requests.post")
def test_post_message_fails(post):
    post.return_value = mock.Mock(status_code=500, text="boom")
    with pytest.raises(RuntimeError, match="slack said 500: boom"):
        slack.post_message("hi")


def test_user_name(mocker):
    get = mocker.patch("notify.slack.requests.get")
    get.return_value.json.return_value = {"ok": True, "user": {"name": "ada"}}
    assert slack.user_name("t", "U1") == "ada"
    assert get.call_args.kwargs["headers"] == {"Authorization": "Bearer t"}


@mock.patch.object(slack, "requests")
def test_broadcast(requests_mock):
    requests_mock.post.return_value.status_code = 200
    assert slack.broadcast(["a", "b"]) == [True, True]
    assert requests_mock.post.call_count == 2


def test_user_name_from_the_service():
    assert slack.user_name("t", "U2") == "grace"
    assert slack.user_name("t", "U0") is None
