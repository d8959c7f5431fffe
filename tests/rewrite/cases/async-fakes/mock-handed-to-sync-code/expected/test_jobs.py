from unittest.mock import AsyncMock, MagicMock

import pytest

from jobs import Build, watch


def test_watch_checks_until_stopped():
    check = MagicMock()
    event = MagicMock()
    event.wait.side_effect = [False, False, True]
    watch(0.1, check, event)
    assert check.call_count == 2
    event.wait.assert_called_with(timeout=0.1)


@pytest.mark.asyncio
async def test_build_waits_for_the_result(monkeypatch):
    answers = iter([{"done": False}, {"done": True, "result": "ok"}])
    response = MagicMock()
    response.json.side_effect = lambda: next(answers)
    monkeypatch.setattr(
        "httpx.AsyncClient.get", AsyncMock(side_effect=MagicMock(return_value=response))
    )
    monkeypatch.setattr("asyncio.sleep", AsyncMock())
    assert await Build(7).wait() == "ok"
