"""Fixtures of the rewrite tests: golden files are rewritten only on request."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected/ folders of tests/rewrite/cases from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    # The option is only known when this conftest is loaded at start-up
    # (pytest tests/rewrite ...); otherwise golden files are never written.
    return bool(request.config.getoption("update_golden", default=False))
