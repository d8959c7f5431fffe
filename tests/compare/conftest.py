"""One real ``migrate compare`` run of the sample pair, shared by the tests that read it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Slow upstreams at 200 ms: enough for the dashboard's three fetches to show.
LATENCY = 0.2


@dataclass(frozen=True)
class CompareRun:
    """What one ``python -m migrate compare`` printed and wrote."""

    returncode: int
    stdout: str
    stderr: str
    report: Path

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> CompareRun:
    """``python -m migrate compare ARGS`` from the repository root; ``--report`` must be given."""
    result = subprocess.run(
        [sys.executable, "-m", "migrate", "compare", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    report = Path(args[args.index("--report") + 1])
    return CompareRun(result.returncode, result.stdout, result.stderr, report)


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> CompareRun:
    """The sample's three versions: built-in scenarios, sample upstreams, a small load run.

    ``--final`` adds the Quart stage (ASGI, under hypercorn) beside the two WSGI versions.
    """
    report = tmp_path_factory.mktemp("compare") / "report.html"
    return run_cli(
        "--final",
        "sample_quart_app:create_app",
        "--latency",
        str(LATENCY),
        "--repeat",
        "1",
        "--clients",
        "4",
        "--requests",
        "20",
        "--duration",
        "20",
        "--json",
        "--report",
        str(report),
    )
