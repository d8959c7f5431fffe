from unittest import mock

import pytest

import api


@pytest.fixture
def get():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as patched:
        yield patched


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_status(get):
    get.return_value.json.return_value = {"status": "green"}
    assert await api.status(verify=False) == "green"
    get.assert_called_once_with("https://internal.example.com/status", timeout=3)


@pytest.mark.asyncio
async def test_location(get):
    get.return_value.status_code = 302
    get.return_value.headers = {"Location": "/elsewhere"}
    assert await api.location("/old") == "/elsewhere"
    get.assert_called_once_with(
        "https://internal.example.com/old", follow_redirects=False, timeout=3
    )
    assert get.call_args.kwargs["follow_redirects"] is False
    assert get.call_args[1]["timeout"] == 3


@pytest.mark.asyncio
async def test_search():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value.json.return_value = {"hits": []}
        assert await api.search("lamp") == {"hits": []}
        get.assert_called_with(
            "https://internal.example.com/search", params={"q": "lamp"}, timeout=3
        )
        assert get.call_args == mock.call(
            "https://internal.example.com/search", params={"q": "lamp"}, timeout=3
        )


@pytest.mark.asyncio
async def test_publish():
    with mock.patch(
        "httpx.AsyncClient.post", return_value=mock.MagicMock(is_error=False)
    ) as post:
        post.return_value.status_code = 201
        assert await api.publish({"name": "lamp"}) == 201
        assert await api.publish({"name": "desk"}) == 201
        post.assert_has_calls(
            [
                mock.call(
                    "https://internal.example.com/items",
                    json={"name": "lamp"},
                    timeout=3,
                ),
                mock.call(
                    "https://internal.example.com/items",
                    json={"name": "desk"},
                    timeout=3,
                ),
            ]
        )


@pytest.mark.asyncio
async def test_exists():
    with mock.patch(
        "httpx.AsyncClient.head", return_value=mock.MagicMock(is_error=False)
    ) as head:
        head.return_value.status_code = 200
        assert await api.exists("/items/1")
        head.assert_called_once_with(
            "https://internal.example.com/items/1", timeout=3, follow_redirects=False
        )
