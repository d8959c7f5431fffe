"""A library's decorator over a function that would become async: it stays sync
(the library may call it synchronously), unless the decorator is one known to
await coroutine functions (see library_decorators)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.run import analyse_paths

MODULE = """
    import requests
    {imports}

    {decorator}
    def refresh(url):
        return requests.get(url, timeout=5).json()
"""


def _colouring(tmp_path: Path, imports: str, decorator: str):  # type: ignore[no-untyped-def]
    text = textwrap.dedent(MODULE).format(imports=imports, decorator=decorator)
    (tmp_path / "jobs.py").write_text(text)
    return analyse_paths([tmp_path]).colouring


@pytest.mark.parametrize(
    ("imports", "decorator", "library"),
    [
        ("from celery import Celery\napp = Celery('jobs')", "@app.task", "celery"),
        ("from celery import shared_task", "@shared_task", "celery"),
        ("import spyne", "@spyne.rpc(str)", "spyne"),
    ],
    ids=["app.task", "shared_task", "rpc"],
)
def test_a_library_s_decorator_keeps_what_it_wraps_sync(
    tmp_path: Path, imports: str, decorator: str, library: str
) -> None:
    colouring = _colouring(tmp_path, imports, decorator)
    assert "jobs.refresh" not in colouring.async_functions
    assert (
        f"comes from {library}, which may call it synchronously"
        in colouring.boundaries["jobs.refresh"]
    )
    (review,) = [r for r in colouring.review if r.function == "jobs.refresh"]
    assert "requests.get there stays blocking" in review.reason


@pytest.mark.parametrize(
    ("imports", "decorator"),
    [
        ("import tenacity", "@tenacity.retry"),
        ("import backoff", "@backoff.on_exception(backoff.expo, Exception)"),
        ("import functools", "@functools.wraps(print)"),
        ("from typing import final", "@final"),
        ("from mypkg import retry", "@retry"),
    ],
    ids=["tenacity", "backoff", "wraps", "typing", "project"],
)
def test_decorators_known_to_await_or_the_project_s_own_let_it_become_async(
    tmp_path: Path, imports: str, decorator: str
) -> None:
    (tmp_path / "mypkg").mkdir()
    (tmp_path / "mypkg" / "__init__.py").write_text(
        "def retry(f):\n    def run(*a, **k):\n        return f(*a, **k)\n    return run\n"
    )
    assert "jobs.refresh" in _colouring(tmp_path, imports, decorator).async_functions


def test_a_library_s_cached_property_is_left_to_the_property_rules(tmp_path: Path) -> None:
    (tmp_path / "jobs.py").write_text(
        textwrap.dedent(
            """
            import requests
            from werkzeug.utils import cached_property


            class Report:
                @cached_property
                def data(self):
                    return requests.get("http://x", timeout=5).json()
            """
        )
    )
    boundaries = analyse_paths([tmp_path]).colouring.boundaries
    assert "comes from" not in boundaries.get("jobs.Report.data", "")
