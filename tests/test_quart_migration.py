"""The Quart sample is produced by the toolkit from the migrated one, and checked in.

``sample_quart_app/`` is what ``migrate apply --to quart`` makes of
``sample_migrated_app/`` (itself produced from ``sample_legacy_app/``): the
test below produces it again and compares byte for byte; ``pytest
--update-golden`` rewrites the checked-in copy. The behaviour suite runs it
under hypercorn next to the two WSGI versions.
"""

from __future__ import annotations

import ast
import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from migrate.apply import run_apply
from migrate.rewrite.options import RewriteOptions

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
