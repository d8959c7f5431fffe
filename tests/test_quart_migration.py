"""The Quart sample is produced by the toolkit from the migrated one, and checked in.

``sample_quart_app/`` is what ``migrate apply --to quart`` makes of
``sample_migrated_app/`` (itself produced from ``sample_legacy_app/``): the
test below produces it again and compares byte for byte; ``pytest
--update-golden`` rewrites the checked-in copy. The behaviour suite runs it
under hypercorn next to the two WSGI versions.
"""

from __future__ import annotations

import ast
import asyncio
import io
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from rich.console import Console

from migrate.apply import run_apply
from migrate.rewrite.helpers import defined_helpers
from migrate.rewrite.options import RewriteOptions
from sample_upstreams import UpstreamCluster

ROOT = Path(__file__).resolve().parents[1]
MIGRATED = ROOT / "sample_migrated_app"
GOLDEN = ROOT / "sample_quart_app"
# .migrate holds the journal of the apply (``migrate undo``), not code.
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.sqlite3", ".migrate")
QUART = RewriteOptions(target="quart")


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and ".migrate" not in p.parts
        and p.suffix != ".sqlite3"
    }


@pytest.fixture(scope="module")
def quart_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("quart") / "sample_quart_app"
    shutil.copytree(MIGRATED, work, ignore=IGNORE)
    # The repository's style (its line length), as for sample_migrated_app.
    shutil.copy(ROOT / "pyproject.toml", work.parent / "pyproject.toml")
    report = run_apply((work,), options=QUART, force=True, console=Console(file=io.StringIO()))
    assert not report.failed, [r.error for r in report.failed]
    assert report.written
    return work


def test_quart_sample_matches_the_checked_in_copy(
    quart_app: Path, request: pytest.FixtureRequest
) -> None:
    produced = _files(quart_app)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(quart_app, GOLDEN, ignore=IGNORE)
    golden = _files(GOLDEN)
    assert sorted(produced) == sorted(golden)
    for name, data in produced.items():
        assert data == golden[name], f"{name} differs from sample_quart_app/{name}"


def test_second_quart_apply_changes_nothing(quart_app: Path, tmp_path: Path) -> None:
    again = tmp_path / "sample_quart_app"
    shutil.copytree(quart_app, again, ignore=IGNORE)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    report = run_apply((again,), options=QUART, force=True, console=Console(file=io.StringIO()))
    assert report.changed == []


def test_nothing_imports_flask_any_more() -> None:
    for path in GOLDEN.rglob("*.py"):
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] != "flask", path
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] != "flask" for a in node.names), path


def test_the_shared_client_lives_as_long_as_the_server() -> None:
    from sample_quart_app import create_app, upstream

    app = create_app({"DATABASE": ":memory:"})
    assert upstream.open_session in app.before_serving_funcs
    assert upstream.close_session in app.after_serving_funcs
    assert not hasattr(upstream, "_AsyncClientPerLoop")
    # Nothing uses the per-loop client any more: the helpers module lets it go.
    helpers = defined_helpers((GOLDEN / "_async_helpers.py").read_bytes())
    assert helpers == {
        "TLS_CONTEXT",
        "PoolPerOrigin",
        "gather_in_order",
        "_calls_made",
        "run_coroutine",
    }


def test_the_factory_works_on_a_running_loop(tmp_path: Path) -> None:
    # uvicorn --factory calls create_app on its own event loop, where the setup's
    # asyncio.run would refuse to start.
    from sample_quart_app import create_app

    database = tmp_path / "app.sqlite3"

    async def on_the_servers_loop() -> None:
        create_app({"DATABASE": str(database)})

    asyncio.run(on_the_servers_loop())
    with sqlite3.connect(database) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "orders" in tables


@pytest.mark.asyncio
async def test_the_shared_client_keeps_the_connections_it_opened(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    # More concurrent calls than httpx keeps alive by default (20): under one
    # client per process the second round must reuse the first round's
    # connections, not pay a new connection (and TLS handshake) each.
    from sample_quart_app import create_app, upstream

    # Long enough that all 30 are in flight at once even on a loaded machine.
    upstreams.set_latency("weather", 0.5)
    app = create_app({**upstreams.app_config(), "DATABASE": str(tmp_path / "app.sqlite3")})
    await app.startup()
    try:
        async with app.app_context():
            rounds = []
            for _ in range(2):
                upstreams.log.clear()
                await asyncio.gather(*(upstream.fetch_weather("Oslo") for _ in range(30)))
                assert upstreams.log.wait_idle()
                rounds.append({e.client_port for e in upstreams.log.for_service("weather")})
    finally:
        await app.shutdown()
    assert len(rounds[0]) > 20
    assert rounds[1] <= rounds[0]


@pytest.mark.asyncio
async def test_a_resource_opened_without_a_mode_is_still_read_as_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Flask's open_resource opens in binary unless told otherwise; the open() the
    # Quart stage writes in sync code must too.
    package = tmp_path / "shelf"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "data.txt").write_bytes("café\n".encode())
    (package / "resources.py").write_text(
        "from flask import current_app\n\n\n"
        "def read_data() -> bytes:\n"
        '    with current_app.open_resource("data.txt") as f:\n'
        "        return f.read()\n"
    )
    report = run_apply((package,), options=QUART, force=True, console=Console(file=io.StringIO()))
    assert not report.failed and report.written
    monkeypatch.syspath_prepend(str(tmp_path))
    from quart import Quart
    from shelf.resources import read_data  # type: ignore[import-not-found]

    app = Quart("shelf", root_path=str(package))
    async with app.app_context():
        assert read_data() == "café\n".encode()


def test_an_extension_without_a_quart_twin_is_a_review_item(tmp_path: Path) -> None:
    from migrate.analyse.run import analyse_paths
    from migrate.plan.build import build_plan

    app = tmp_path / "admin_app"
    app.mkdir()
    (app / "__init__.py").write_text(
        "from flask import Flask\n"
        "from flask_admin import Admin\n"
        "from flask_cors import CORS\n\n\n"
        "def create_app() -> Flask:\n"
        "    app = Flask(__name__)\n"
        "    Admin(app)\n"
        "    CORS(app)\n"
        "    return app\n"
    )
    plan = build_plan(analyse_paths([app], jobs=1), steps=True, root_args=(str(app),))
    reviews = [r for r in plan.needs_review if "Quart twin" in r.reason]
    assert [(r.where.path, r.where.line) for r in reviews] == [("admin_app/__init__.py", 2)]
    assert "flask_admin" in reviews[0].reason
    assert "flask_admin" in plan.steps[-1].why


@pytest.mark.asyncio
async def test_the_process_wide_client_keeps_its_settings_and_pools_per_origin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # verify= moves into the client's transport (a pool per origin): the client
    # still trusts only the CA it was given, on every origin. A client that
    # brings its own limits keeps them.
    from migrate.rewrite.helpers import render

    package = tmp_path / "shop"
    package.mkdir()
    (package / "_async_helpers.py").write_bytes(render({"AsyncClientPerLoop"}))
    (package / "__init__.py").write_text(
        "from flask import Flask\n\n"
        "from . import clients\n\n\n"
        "def create_app() -> Flask:\n"
        "    app = Flask(__name__)\n"
        "    return app\n"
    )
    (package / "clients.py").write_text(
        textwrap.dedent(
            """\
            import os
            import ssl

            import httpx

            from ._async_helpers import AsyncClientPerLoop

            CA = ssl.create_default_context(cafile=os.environ["SHOP_CA"])
            KEY = {"X-Api-Key": "dev-key"}


            def _new_http() -> httpx.AsyncClient:
                return httpx.AsyncClient(timeout=5.0, verify=CA, headers=KEY)


            def _new_single() -> httpx.AsyncClient:
                limits = httpx.Limits(max_connections=1)
                return httpx.AsyncClient(verify=CA, headers=KEY, limits=limits)


            http = AsyncClientPerLoop(_new_http)
            single = AsyncClientPerLoop(_new_single)


            async def status(url: str) -> int:
                return (await http.get(url)).status_code


            async def status_single(url: str) -> int:
                return (await single.get(url)).status_code
            """
        )
    )
    report = run_apply((package,), options=QUART, force=True, console=Console(file=io.StringIO()))
    assert not report.failed and report.written
    with UpstreamCluster(tls=True) as cluster:
        assert cluster.ca_bundle is not None
        monkeypatch.setenv("SHOP_CA", cluster.ca_bundle)
        monkeypatch.syspath_prepend(str(tmp_path))
        from shop import clients, create_app  # type: ignore[import-not-found]

        app = create_app()
        await app.startup()
        try:
            weather = cluster.urls["weather"] + "/v1/weather?city=Oslo"
            events = cluster.urls["events"] + "/v1/events?city=Oslo"
            assert await clients.status(weather) == 200
            assert await clients.status(events) == 200
            cluster.set_latency("weather", 0.05)
            cluster.log.clear()
            assert (
                await asyncio.gather(*(clients.status_single(weather) for _ in range(3)))
                == [200] * 3
            )
            assert cluster.log.wait_idle()
            assert len({e.client_port for e in cluster.log.for_service("weather")}) == 1
        finally:
            await app.shutdown()
