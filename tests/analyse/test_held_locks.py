"""A lock held across an await in code that becomes async is named in the plan:
two tasks of one loop entering it would deadlock (migrate/analyse/held_locks.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import threading
    import time

    import requests

    _lock = threading.Lock()


    class Limiter:
        def __init__(self):
            self.lock = threading.Lock()
            self.calls = 0

        def fetch(self, url):
            with self.lock:
                time.sleep(0.1)
                return requests.get(url, timeout=5).json()

        def count(self, url):
            with self.lock:
                self.calls += 1
            return requests.get(url, timeout=5).json()


    def cached(url):
        with _lock:
            return requests.get(url, timeout=5).text


    def saved(url, path):
        with open(path, "w") as out:
            out.write(requests.get(url, timeout=5).text)
"""


def test_a_lock_held_across_an_await_is_reviewed(tmp_path: Path) -> None:
    (tmp_path / "limits.py").write_text(textwrap.dedent(CODE))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    held = {
        r.function.rsplit(".", 1)[-1]: r.reason for r in colouring.review if "deadlock" in r.reason
    }
    assert set(held) == {"fetch", "cached"}
    assert "holds self.lock" in held["fetch"] and "holds _lock" in held["cached"]
    assert colouring.is_async("limits.Limiter.count") and colouring.is_async("limits.saved")
