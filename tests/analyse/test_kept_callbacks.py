"""A class that keeps a function its constructor is handed and calls it later
(migrate/analyse/kept_callbacks.py): the call is a call of what every
construction hands it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Later:
        def __init__(self, callback):
            self._callback = callback

        def run(self):
            return self._callback()


    def fetch():
        return requests.get("https://api.example.com/items", timeout=5).json()


    def local():
        return []


    def deferred():
        return Later(fetch)


    def other():
        return Later(local)
"""


def _analyse(tmp_path: Path, code: str):  # type: ignore[no-untyped-def]
    (tmp_path / "app.py").write_text(textwrap.dedent(code))
    return analyse_paths([tmp_path], jobs=1)


def test_the_kept_function_s_call_is_linked_and_awaited(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, CODE.replace("return Later(local)", "return Later(fetch)"))
    assert "app.Later.run" in analysis.colouring.async_functions
    assert not any("Later" in r.reason for r in analysis.colouring.review)


def test_functions_of_both_kinds_handed_hold_apply(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, CODE)
    held = [r for r in analysis.colouring.review if r.function == "app.Later.run"]
    assert [r.unawaited for r in held] == [True], analysis.colouring.review
    assert "local" in held[0].reason


def test_a_lambda_handed_leaves_the_call_unlinked(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, CODE.replace("return Later(local)", "return Later(lambda: [])"))
    assert "app.Later.run" not in analysis.colouring.async_functions
