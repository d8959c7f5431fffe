"""A fixture or set-up method patching ``threading.Thread`` is named in the plan
where the migrated code bridges on threads (migrate/analyse/thread_patches.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import threading

    import requests


    def fetch(url):
        return requests.get(url, timeout=5).json()


    class Device:
        def __init__(self, url):
            self.url = url

        def __repr__(self):
            return fetch(self.url)["name"]

        def watch(self):
            threading.Thread(target=self.poll, daemon=True).start()

        def poll(self):
            return fetch(self.url)
"""

PLAIN = """
    def names(urls):
        return [fetch(url) for url in urls]
"""

TESTS = """
    from unittest import mock

    import pytest

    from devices import Device


    @pytest.fixture(autouse=True)
    def no_threads():
        with mock.patch("threading.Thread") as thread:
            yield thread


    def test_watch_starts_a_thread():
        with mock.patch("devices.threading.Thread") as thread:
            Device("http://x").watch()
        thread.return_value.start.assert_called_once_with()
"""


def _reviews(tmp_path: Path, code: str) -> set[tuple[str, int]]:
    (tmp_path / "devices.py").write_text(textwrap.dedent(code))
    (tmp_path / "test_devices.py").write_text(textwrap.dedent(TESTS))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    return {
        (r.function, r.span.line)
        for r in colouring.review
        if r.reason.startswith("this patches threading.Thread")
    }


def test_a_fixture_patching_threads_is_reviewed_where_the_code_bridges(tmp_path: Path) -> None:
    # ``__repr__`` stays sync and reaches ``fetch`` through a bridge, and so does the
    # thread's target; the test's own patch holds for that test alone.
    assert _reviews(tmp_path, CODE) == {("test_devices.no_threads", 11)}


def test_no_review_where_the_code_needs_no_thread(tmp_path: Path) -> None:
    plain = CODE.split("    class Device")[0] + PLAIN
    assert _reviews(tmp_path, plain) == set()
    assert "def names(urls):" in (tmp_path / "devices.py").read_text().splitlines()
