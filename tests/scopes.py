"""Fixture scopes that ``make mutation`` sees through."""

from __future__ import annotations

import os

import pytest


def shared(fixture_name: str, config: pytest.Config) -> str:
    """``"module"``, or ``"function"`` while mutmut runs (``make mutation``).

    mutmut credits what a fixture reaches to the test that set it up, and runs
    a mutant's tests only: a module fixture's analysis would count for the
    first test of the module alone, and a mutant that only the later tests
    notice would survive. Set up per test, it counts for each test reading it.
    """
    return "function" if os.environ.get("MUTANT_UNDER_TEST") else "module"
