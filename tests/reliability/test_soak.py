"""The soak, reduced: ``scripts/soak.py`` over two cycles of fault rounds.

``make reliability`` runs the full one (3000 requests per version).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts fds in /proc")
def test_both_apps_hold_under_faults_and_agree() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--requests", "250", "--round", "5", "--app-timeout", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "soak: 250 requests compared over 50 rounds of faults, 0 differ; ok" in done.stdout
    for version in ("sample_legacy_app", "sample_migrated_app"):
        assert f"{version}: 250 requests" in done.stdout
