from unittest.mock import AsyncMock

import service


async def fake_fetch(url):
    return {"title": "stub"}


def test_title(monkeypatch):
    monkeypatch.setattr(service, "fetch", fake_fetch)
    monkeypatch.setattr(
        "service.fetch", AsyncMock(side_effect=lambda url: {"title": "inline"})
    )
