from unittest import mock

import pytest

from notify import slack
from notify._async_helpers import httpx_module_mock


@pytest.mark.asyncio
@mock.patch("notify.slack.httpx", new_callable=httpx_module_mock)
async def test_post_message(requests_mock):
    requests_mock.post.return_value.status_code = 200
    assert await slack.post_message("hi")
    requests_mock.post.assert_called_once_with(
        slack.HOOK, json={"text": "hi", "channel": "#general"}, timeout=5
    )


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.post", return_value=mock.MagicMock(is_error=False))
async def test_post_message_fails(post):
    post.return_value = mock.Mock(status_code=500, text="boom", is_error=True)
    with pytest.raises(RuntimeError, match="slack said 500: boom"):
        await slack.post_message("hi")


@pytest.mark.asyncio
async def test_user_name(mocker):
    get = mocker.patch(
        "httpx.AsyncClient.get", return_value=mocker.MagicMock(is_error=False)
    )
    get.return_value.json.return_value = {"ok": True, "user": {"name": "ada"}}
    assert await slack.user_name("t", "U1") == "ada"
    assert get.call_args.kwargs["headers"] == {"Authorization": "Bearer t"}


@pytest.mark.asyncio
@mock.patch.object(slack, "httpx", new_callable=httpx_module_mock)
async def test_broadcast(requests_mock):
    requests_mock.post.return_value.status_code = 200
    assert await slack.broadcast(["a", "b"]) == [True, True]
    assert requests_mock.post.call_count == 2


@pytest.mark.asyncio
async def test_user_name_from_the_service():
    assert await slack.user_name("t", "U2") == "grace"
    assert await slack.user_name("t", "U0") is None
