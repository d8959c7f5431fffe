"""Under ``CI=true`` a test that would skip (a missing tool) fails instead."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

NEEDS_A_TOOL = textwrap.dedent(
    """\
    import shutil

    import pytest


    @pytest.mark.skipif(shutil.which("no-such-tool") is None, reason="no `no-such-tool`")
    def test_marked():
        pass


    def test_imperative():
        pytest.skip("no `no-such-tool` either")


    @pytest.mark.ci_may_skip
    @pytest.mark.skipif(True, reason="another platform")
    def test_platform():
        pass


    @pytest.mark.xfail(strict=True, reason="a known gap")
    def test_known_gap():
        assert False
    """
)


def _run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_tool.py").write_text(NEEDS_A_TOOL)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no_silent_skips",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rA",
            str(tmp_path / "test_tool.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("ci", ["true", "1"])
def test_skips_fail_in_ci(tmp_path: Path, ci: str) -> None:
    result = _run(tmp_path, ci)
    assert result.returncode == 1, result.stdout
    # A skipif marker acts in setup (an error), pytest.skip() in the test (a failure).
    assert "1 failed, 1 skipped, 1 xfailed, 1 error" in result.stdout, result.stdout
    assert result.stdout.count("skipped under CI=true") >= 2


def test_skips_stay_skips_elsewhere(tmp_path: Path) -> None:
    result = _run(tmp_path, None)
    assert result.returncode == 0, result.stdout
    assert "3 skipped" in result.stdout and "1 xfailed" in result.stdout, result.stdout
