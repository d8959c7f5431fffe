"""Shared fixtures: the real upstream services and the app under test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# no_silent_skips: under CI=true a skipped test (a missing tool) fails.
pytest_plugins = ["sample_upstreams.pytest_fixtures", "no_silent_skips"]

# Projects that tests/test_migrate_projects.py migrates (their suites run there),
# and golden case inputs, which hold test files of their own.
collect_ignore = [
    "projects",
    "gradual_projects",
    "rewrite/cases",
    "fanout/corpus",
    "mock_scope/project",
]


DEFAULT_APPS = (
    "sample_legacy_app:create_app",
    "sample_migrated_app:create_app",
    "sample_quart_app:create_app",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--app",
        action="append",
        default=[],
        help="import path of an app factory the behaviour suite runs against"
        f" (repeatable; default: {', '.join(DEFAULT_APPS)})",
    )
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # The behaviour suite runs once per app version: the same tests judge both.
    if "app_path" in metafunc.fixturenames:
        apps = metafunc.config.getoption("--app") or list(DEFAULT_APPS)
        metafunc.parametrize("app_path", apps, scope="session", ids=[a.split(":")[0] for a in apps])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Under `make mutation` each mutant runs the tests that reach it until one
    # fails: fastest first (by the durations mutmut measured), so a mutant a
    # quick test kills costs that test, not the slow ones before it.
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    stats = Path(__file__).resolve().parents[1] / "mutmut-stats.json"
    if "__mutmut_" not in mutant or not stats.exists():
        return
    durations = json.loads(stats.read_text())["duration_by_test"]
    items.sort(key=lambda item: durations.get(item.nodeid, 0.0))
