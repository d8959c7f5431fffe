"""The kill test, reduced: ``scripts/kill_test.py`` with a trial at each moment.

``make reliability`` runs the full one (30 trials over 300 files).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "kill_test.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_at_any_moment_then_apply_gives_the_one_shot_tree() -> None:
    # 70 files: enough for the worker pool, whose workers must die with the run.
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--trials", "3", "--files", "70"],
        capture_output=True,
        text=True,
        check=False,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kill test: 3 trials, 0 failed" in done.stdout
    for moment in ("random", "staging", "replacing"):
        assert f"kill at {moment}" in done.stdout
