"""Shared fixtures: the real upstream services and the app under test."""

from __future__ import annotations

import pytest

pytest_plugins = ["sample_upstreams.pytest_fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--app",
        default="sample_legacy_app:create_app",
        help="import path of the app factory the behaviour suite runs against",
    )
