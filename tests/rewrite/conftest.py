"""Fixtures of the rewrite tests: golden files are rewritten only on request."""

from __future__ import annotations

import pytest


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    # ``--update-golden`` is declared in tests/conftest.py, shared with the
    # migrated-sample test; a normal run only compares.
    return bool(request.config.getoption("--update-golden"))
