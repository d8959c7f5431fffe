"""A session the callers may hand in where no caller in the project shows one
(``def fetch(url, session=None)``, ``session.get(url)`` beside ``requests.get(url)``):
its call stays as written in a function that becomes async, so the plan says it
blocks there; a caller handing one in types it, and its call is awaited instead."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

API = """
    import requests


    def fetch(url, session=None):
        if session:
            resp = session.get(url)
        else:
            resp = requests.get(url)
        return resp.json()
"""
CALLER = """
    import requests

    from api import fetch


    def pooled(url):
        return fetch(url, session=requests.Session())
"""


def _reviews(tmp_path: Path) -> list[str]:
    colouring = analyse_paths([tmp_path]).colouring
    assert "api.fetch" in colouring.async_functions
    return [r.reason for r in colouring.review if r.function == "api.fetch"]


def test_a_session_no_caller_shows_is_named_for_review(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(textwrap.dedent(API))
    [reason] = _reviews(tmp_path)
    assert reason.startswith("session.get() calls what callers hand in as session")


def test_a_session_a_caller_hands_in_is_typed(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(textwrap.dedent(API))
    (tmp_path / "pool.py").write_text(textwrap.dedent(CALLER))
    assert _reviews(tmp_path) == []
