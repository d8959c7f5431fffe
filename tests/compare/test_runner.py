"""A server's stderr is read: a warning printed there is a problem."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from migrate.compare.runner import AppProcess, ServerError

APP = """
import warnings


def create_app(config):
    warnings.warn("unclosed client <httpx.AsyncClient>", ResourceWarning)

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    return app
"""


def test_warnings_on_stderr_are_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "warny_app.py").write_text(APP, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with AppProcess("before", "warny_app:create_app") as app:
        assert app.url.startswith("http://127.0.0.1:")
    assert app.returncode == 0
    assert any("ResourceWarning: unclosed client" in line for line in app.problems())


def test_a_server_that_cannot_start_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    with pytest.raises(ServerError, match="No module named 'no_such_app'"):
        AppProcess("before", "no_such_app:create_app").start().wait_ready()
