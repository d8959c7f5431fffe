"""``migrate apply`` holds back a migration the plan says would leave a call of a
now-async function without await in the project's code: nothing is written, each
such call is named, and ``--partial`` writes the rest."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# ``self.store.delete(...)``: ``store`` is given an ``Api`` (whose ``delete`` becomes
# async) in one place and a value of unknown type in another, and ``Cache`` has a
# sync ``delete`` too, so no name tells which it is.
SHOP = """
    import requests
    from vendor import make_store


    class Api:
        def delete(self, key):
            return requests.delete(f"https://api.example.com/{key}", timeout=5).status_code


    class Cache:
        def __init__(self):
            self.data = {}

        def delete(self, key):
            return self.data.pop(key, None)


    class Item:
        def __init__(self, store, key):
            self.store = store
            self.key = key

        def remove(self):
            return self.store.delete(self.key)


    def remove_remote(key):
        return Item(Api(), key).remove()


    def remove_vended(key):
        return Item(make_store(), key).remove()
"""


def _apply(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migrate", "apply", "--force", *flags, str(project)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def test_a_plan_leaving_a_call_unawaited_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "shop.py").write_text(textwrap.dedent(SHOP))
    (tmp_path / "broken.py").write_text("def broken(:\n")
    before = (tmp_path / "shop.py").read_bytes()
    proc = _apply(tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "broken.py: does not parse: invalid syntax (line 1)" in proc.stderr
    assert "shop.py:25: `self.store.delete()` stays a plain call" in proc.stderr
    assert "self.store is given a shop.Api" in proc.stderr
    assert "nothing written" in proc.stderr
    assert (tmp_path / "shop.py").read_bytes() == before
    assert not (tmp_path / "_async_helpers.py").exists()


def test_partial_writes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "shop.py").write_text(textwrap.dedent(SHOP))
    proc = _apply(tmp_path, "--partial")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (tmp_path / "shop.py").read_text()
    assert "async def delete(self, key):" in text
    assert "        return self.store.delete(self.key)" in text  # left for the hand
