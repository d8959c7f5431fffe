"""The behaviour suite runs against an app factory given by import path.

By default every test runs three times, against ``sample_legacy_app``,
``sample_migrated_app`` (what ``migrate apply`` made of it) and
``sample_quart_app`` (what ``migrate apply --to quart`` made of that);
``pytest tests/behaviour --app pkg:create_app`` picks the app(s) instead. Every request
goes through a real server (waitress for a WSGI app, hypercorn for an ASGI
one) to real upstream services, and the
suite records per endpoint how many upstream calls a request made and how long
it took, in ``build/behaviour/<app>.json``, for before/after comparison.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from migrate.compare.server import serve_app
from sample_upstreams import UpstreamCluster

from .support import AppFactory, LiveApp, LiveFactory

RECORD_DIR = Path(__file__).resolve().parents[2] / "build" / "behaviour"


def load_factory(path: str) -> AppFactory:
    module_name, _, attr = path.partition(":")
    factory = getattr(importlib.import_module(module_name), attr or "create_app")
    return factory  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def app_factory(app_path: str) -> AppFactory:
    return load_factory(app_path)


@pytest.fixture(scope="session")
def measurements(app_path: str) -> Iterator[dict[str, dict[str, Any]]]:
    records: dict[str, dict[str, Any]] = {}
    yield records
    if records:
        RECORD_DIR.mkdir(parents=True, exist_ok=True)
        name = app_path.replace(":", "-").replace(".", "-")
        (RECORD_DIR / f"{name}.json").write_text(json.dumps(records, indent=2, sort_keys=True))


@pytest.fixture
def app_config(upstreams: UpstreamCluster, tmp_path: Path) -> dict[str, Any]:
    config: dict[str, Any] = dict(upstreams.app_config())
    config.update(TESTING=True, DATABASE=str(tmp_path / "app.sqlite3"))
    return config


@pytest.fixture
def live_with(
    app_factory: AppFactory,
    app_config: dict[str, Any],
    upstreams: UpstreamCluster,
    measurements: dict[str, dict[str, Any]],
) -> LiveFactory:
    """Serve an app built with config overrides: ``with live_with(HTTP_TIMEOUT=0.3) as live:``."""

    @contextmanager
    def start(**overrides: Any) -> Iterator[LiveApp]:
        app = app_factory({**app_config, **overrides})
        with serve_app(app) as base_url:
            live_app = LiveApp(base_url, upstreams, measurements)
            try:
                yield live_app
            finally:
                live_app.close()

    return start


@pytest.fixture
def live(live_with: LiveFactory) -> Iterator[LiveApp]:
    with live_with() as live_app:
        yield live_app


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens (the port is bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
