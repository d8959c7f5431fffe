"""Fuzzing, reduced: ``scripts/fuzz.py`` on a few programs and real files.

``make reliability`` runs the full one (300 + 300 examples).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fuzz.py"


def test_plan_and_apply_hold_on_random_programs_and_real_files() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--programs", "6", "--real", "6"],
        capture_output=True,
        text=True,
        check=False,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fuzz: 6 programs, 6 real files" in done.stdout
    assert "0 problems" in done.stdout
