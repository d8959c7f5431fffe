from unittest import mock
from unittest.mock import AsyncMock, MagicMock, patch

import pytest

import service


@pytest.mark.asyncio
async def test_new_callable_then_return_value():
    with patch("service.fetch", new_callable=AsyncMock) as fetch:
        fetch.return_value = {"title": "set after"}
        assert await service.title("a") == "set after"
    fetch.assert_called_once_with("a")


@pytest.mark.asyncio
@mock.patch(
    "service.fetch", new_callable=mock.AsyncMock, return_value={"title": "given"}
)
async def test_new_callable_with_return_value(fetch):
    assert await service.title("b") == "given"
    assert fetch.call_count == 1


@pytest.mark.asyncio
async def test_patch_object_new_callable():
    api = service.Api("http://unused")
    with patch.object(service.Api, "get", new_callable=AsyncMock) as get:
        get.return_value = {"name": "ada"}
        assert await api.name(7) == "ada"
    get.assert_called_once_with("/users/7")


@pytest.mark.asyncio
async def test_mock_made_first_passed_as_new():
    fetch = MagicMock(return_value={"title": "made first"})
    fetch.return_value = {"title": "configured"}
    with patch("service.fetch", new=AsyncMock(side_effect=fetch)):
        assert await service.title("c") == "configured"
    fetch.assert_called_once_with("c")


@pytest.mark.asyncio
async def test_mock_made_first_passed_positionally():
    fetch = mock.Mock()
    fetch.side_effect = lambda url: {"title": url * 2}
    with patch.object(service, "fetch", AsyncMock(side_effect=fetch)):
        assert await service.title("d") == "dd"
    assert fetch.call_args.args == ("d",)


@pytest.mark.asyncio
@mock.patch.object(service.Api, "motd", new_callable=mock.AsyncMock)
async def test_property_mock_of_a_property_that_fetches(motd):
    motd.return_value = "Hello"
    assert await service.Api("http://unused").banner() == "HELLO"
    motd.assert_called_once_with()
