"""pytest plugin: under ``CI=true`` a skipped test fails.

A test that needs a tool (chromium, ruff) skips on a laptop without it; in
CI, where ``.ci/run`` installs every tool, a skip means the install broke
and the test silently stopped testing. Expected failures (xfail) are left
alone, and so are tests marked ``ci_may_skip``: a skip that is about the
platform or the Python version, not a missing tool.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "ci_may_skip: the test may skip in CI (platform or Python version)"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None]:
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    if item.get_closest_marker("ci_may_skip") is not None:
        return
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, where every tool a test needs is installed: {reason}"
