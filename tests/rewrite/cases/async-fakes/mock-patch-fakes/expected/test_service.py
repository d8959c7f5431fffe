import asyncio
from unittest import mock
from unittest.mock import AsyncMock, MagicMock, patch

import httpx
import pytest

import service


async def fake_fetch(url):
    return {"title": "from " + url}


class Recorded:
    """A callable stand-in that counts its calls."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    async def __call__(self, url):
        self.calls.append(url)
        return self.answer


@pytest.mark.asyncio
@patch("service.fetch", fake_fetch)
async def test_decorator_with_fake():
    assert await service.title("a") == "from a"


@pytest.mark.asyncio
async def test_context_manager_with_new_mock():
    with mock.patch(
        "service.fetch", new=AsyncMock(return_value={"title": "mocked"})
    ) as fake:
        assert await service.titles(["a", "b"]) == ["mocked", "mocked"]
    assert fake.call_count == 2


@pytest.mark.asyncio
async def test_patch_object_lambda():
    with patch.object(
        service, "fetch", AsyncMock(side_effect=lambda url: {"title": url.upper()})
    ):
        assert await service.title("abc") == "ABC"


@pytest.mark.asyncio
async def test_patch_return_value():
    with patch("service.fetch", return_value={"title": "plain"}) as fake:
        assert await service.title("x") == "plain"
    fake.assert_called_once_with("x")


@pytest.mark.asyncio
async def test_plain_assignment_of_callable_instance():
    original = service.fetch
    recorded = Recorded({"title": "recorded"})
    service.fetch = recorded
    try:
        assert await service.title("u") == "recorded"
    finally:
        service.fetch = original
    assert recorded.calls == ["u"]


@pytest.mark.asyncio
async def test_method_patched_with_mock():
    api = service.Api("http://unused")
    with patch.object(service.Api, "get", mock.AsyncMock(return_value={"name": "ada"})):
        assert await api.name(7) == "ada"


@pytest.mark.asyncio
async def test_sleep_patched_by_dotted_string(monkeypatch):
    slept = []
    monkeypatch.setattr("asyncio.sleep", AsyncMock(side_effect=slept.append))
    with patch("service.fetch", side_effect=[{}, {}, {"ready": True}]):
        assert await service.wait_for("u") == 2
    assert slept == [2, 2]


@pytest.mark.asyncio
async def test_sleep_patched_on_module_object(monkeypatch):
    slept = []

    async def fake_sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    with patch("service.fetch", side_effect=[{}, {"ready": True}]):
        assert await service.wait_for("u") == 1
    assert slept == [2]


@pytest.mark.asyncio
@mock.patch("asyncio.sleep")
async def test_sleep_patched_with_mock(sleep):
    with patch("service.fetch", return_value={}):
        assert await service.wait_for("u", attempts=2) is None
    assert sleep.call_count == 2


@pytest.mark.asyncio
async def test_sleep_patched_by_pytest_mock(mocker):
    sleep = mocker.patch("asyncio.sleep")
    with patch("service.fetch", side_effect=[{}, {"ready": True}]):
        assert await service.wait_for("u") == 1
    sleep.assert_called_once_with(2)


@pytest.mark.asyncio
async def test_unreachable_host():
    with patch("service.fetch", side_effect=httpx.ConnectError("")):
        assert await service.title_or_none("u") is None


@pytest.mark.asyncio
async def test_unreachable_then_up():
    fetch = MagicMock()
    fetch.side_effect = [httpx.ConnectError(""), {"title": "up"}]
    with patch("service.fetch", AsyncMock(side_effect=fetch)):
        assert await service.title_or_none("u") is None
        assert await service.title_or_none("u") == "up"
