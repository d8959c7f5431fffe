from unittest.mock import MagicMock, patch

import pytest
from click.testing import CliRunner

from client import fetch_with_retry
from watch import watch


@pytest.mark.asyncio
async def test_retry_pauses_between_tries():
    busy = MagicMock(status_code=503, is_error=True)
    with patch("httpx.AsyncClient.get", return_value=busy), patch(
        "asyncio.sleep"
    ) as sleep:
        assert await fetch_with_retry("http://127.0.0.1:9/", tries=2, pause=60) == 503
    sleep.assert_called_once_with(60)


def test_watch_pauses_between_runs(tmp_path):
    path = tmp_path / "log"
    path.write_bytes(b"abc")
    with patch("watch.time.sleep") as sleep:
        result = CliRunner().invoke(watch, [str(path), "--runs", "3"])
    assert result.output.split() == ["3", "3", "3"]
    assert sleep.call_count == 2
