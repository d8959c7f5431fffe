"""An unexpected error is one line and exit status 3, never a traceback."""

from __future__ import annotations

import pytest

from migrate import cli


def test_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "analyse_paths", broken)
    monkeypatch.setattr("sys.argv", ["migrate", "plan", str(tmp_path)])
    monkeypatch.delenv("MIGRATE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("migrate: internal error: KeyError: 'boom'")
    assert "Traceback" not in err


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "analyse_paths", broken)
    monkeypatch.setattr("sys.argv", ["migrate", "plan", str(tmp_path)])
    monkeypatch.setenv("MIGRATE_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.run()
