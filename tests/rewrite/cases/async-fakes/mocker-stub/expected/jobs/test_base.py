import pytest

from jobs.base import Folder


@pytest.mark.asyncio
async def test_poll_hands_the_jobs_on(monkeypatch, mocker):
    async def fake_poll(self):
        return {"jobs": [{"name": "Foo", "color": "blue"}]}

    monkeypatch.setattr(Folder, "_poll", fake_poll)
    stub = mocker.AsyncMock(name="resolve")
    monkeypatch.setattr(Folder, "resolve", stub)

    await Folder("http://ci.example.com").poll()

    stub.assert_called_once_with([{"name": "Foo", "color": "blue"}])


@pytest.mark.asyncio
async def test_folders_are_resolved():
    data = await Folder("http://ci.example.com").poll()

    assert data["jobs"] == [
        {"name": "Foo", "color": "blue"},
        {"name": "Bar", "color": "red"},
    ]
