"""The migrated sample app is produced by the toolkit, and checked in.

``sample_migrated_app/`` is what ``migrate apply`` makes of
``sample_legacy_app/``: the test below produces it again from scratch and
compares byte for byte. ``pytest --update-golden`` rewrites the checked-in
copy after an intended change to the rewrites.
"""

from __future__ import annotations

import ast
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from migrate.apply import run_apply

ROOT = Path(__file__).resolve().parents[1]
LEGACY = ROOT / "sample_legacy_app"
GOLDEN = ROOT / "sample_migrated_app"
# .migrate holds the journal of the apply (``migrate undo``), not code.
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.sqlite3", ".migrate")


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
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("migration") / "sample_migrated_app"
    shutil.copytree(LEGACY, work, ignore=IGNORE)
    # The sample lives in this repository: its style (line length) is the repository's.
    shutil.copy(ROOT / "pyproject.toml", work.parent / "pyproject.toml")
    report = run_apply((work,), console=Console(file=io.StringIO()))
    assert not report.failed, [r.error for r in report.failed]
    assert not report.read_failures
    assert report.written
    return work


def test_migrated_sample_matches_the_checked_in_copy(
    migrated: Path, request: pytest.FixtureRequest
) -> None:
    produced = _files(migrated)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(migrated, GOLDEN, ignore=IGNORE)
    golden = _files(GOLDEN)
    assert sorted(produced) == sorted(golden)
    for name, data in produced.items():
        assert data == golden[name], f"{name} differs from sample_migrated_app/{name}"


def test_second_apply_changes_nothing(migrated: Path, tmp_path: Path) -> None:
    again = tmp_path / "sample_migrated_app"
    shutil.copytree(migrated, again, ignore=IGNORE)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    report = run_apply((again,), console=Console(file=io.StringIO()))
    assert report.changed == []
    assert _files(again) == _files(migrated)


def test_every_migrated_module_compiles() -> None:
    for path in GOLDEN.rglob("*.py"):
        compile(path.read_bytes(), str(path), "exec")


def test_no_blocking_call_inside_async_code() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [
            str(ruff),
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "ASYNC",
            "--preview",
            "--output-format",
            "json",
            str(GOLDEN),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "[]")
    assert findings == [], [f"{f['filename']}:{f['location']['row']} {f['code']}" for f in findings]
    # The same check finds the legacy code's blocking calls once it is async:
    # a guard that the command above really looks at something.
    legacy = subprocess.run(
        [
            str(ruff),
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "ASYNC",
            "--preview",
            "--output-format",
            "json",
            "-",
        ],
        input="import requests\nasync def f():\n    requests.get('http://x')\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert [f["code"] for f in json.loads(legacy.stdout)] == ["ASYNC210"]


def test_mypy_finds_no_unused_coroutine() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--no-incremental",
            "--ignore-missing-imports",
            "--check-untyped-defs",
            "--config-file",
            "/dev/null",
            str(GOLDEN),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert "[unused-coroutine]" not in result.stdout, result.stdout
    assert "[unused-awaitable]" not in result.stdout, result.stdout
    assert "error:" not in result.stdout, result.stdout


def test_migrated_app_needs_only_stdlib_httpx_and_asgiref() -> None:
    for path in GOLDEN.rglob("*.py"):
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert top not in ("migrate", "requests"), f"{path}: imports {name}"


def test_migrated_sample_passes_the_repositorys_ruff_check_and_format() -> None:
    """Linted like the rest of the repository: pyproject.toml's ruff settings."""
    ruff = Path(sys.executable).with_name("ruff")
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = subprocess.run(
            [str(ruff), *command, str(GOLDEN)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_no_function_or_class_is_defined_in_two_migrated_files() -> None:
    """Helpers live once per package, not copied into every module that uses them.

    Definitions are compared whole: Flask's ``init_app`` convention (one per
    module, each doing its own thing) is not a copy.
    """
    where: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for path in sorted(GOLDEN.rglob("*.py")):
        rel = path.relative_to(GOLDEN).as_posix()
        for node in ast.parse(path.read_bytes()).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                where.setdefault(ast.dump(node), []).append(rel)
                names.setdefault(node.name, []).append(rel)
    assert [files for files in where.values() if len(files) > 1] == []
    assert names["gather_in_order"] == ["_async_helpers.py"]
    assert names["AsyncClientPerLoop"] == ["_async_helpers.py"]
    assert {name for name, files in names.items() if len(files) > 1} <= {"init_app"}
