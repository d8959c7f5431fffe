"""Acceptance: real small projects, migrated code and tests together.

Each project under ``tests/projects/`` (a Flask app, a client mocked with
responses, a sync job mocked with requests-mock) is copied, its own suite run (it must
pass), then ``migrate apply`` rewrites the copy: code, tests, mocks and
dependency files. The migrated suite must pass with as many tests, leave no
coroutine un-awaited, and ruff's ASYNC rules must find no blocking call in
async code.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = sorted(p for p in (ROOT / "tests" / "projects").iterdir() if p.is_dir())
RUFF = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")


def _pytest(project: Path, *extra: str) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    passed = re.search(r"(\d+) passed", out)
    return int(passed.group(1)) if passed else 0, out


def _async_functions(tree: ast.AST) -> set[str]:
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef)}


def _unawaited_calls(root: Path) -> list[str]:
    """Calls of project async functions (by name) that are neither awaited nor handed over."""
    trees = {p: ast.parse(p.read_text(), str(p)) for p in root.rglob("*.py")}
    names: set[str] = set()
    for tree in trees.values():
        names |= _async_functions(tree)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                child.parent = node  # type: ignore[attr-defined]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in names and not _handed_over(node):
                found.append(f"{path.relative_to(root)}:{node.lineno}: {name}()")
    return found


# Functions that await (or schedule) the coroutine they are given.
RUNNERS = re.compile(r"gather|task|future|run|wait|shield|completed|turn|submit")


def _handed_over(call: ast.Call) -> bool:
    """Awaited, iterated with ``async for``, or given to a call that runs it
    (``create_task(c())``, ``gather(*(c(x) for x in xs))``)."""
    parent = call.parent  # type: ignore[attr-defined]
    if isinstance(parent, ast.Await):
        return True
    if isinstance(parent, ast.Starred):
        return _handed_over(parent)
    if isinstance(parent, ast.Call) and call is not parent.func:
        runner = ast.unparse(parent.func).rsplit(".", 1)[-1]
        return RUNNERS.search(runner) is not None
    if isinstance(parent, ast.AsyncFor) or (
        isinstance(parent, ast.comprehension) and parent.is_async
    ):
        return call is parent.iter
    if (isinstance(parent, ast.GeneratorExp) and call is parent.elt) or (
        isinstance(parent, ast.IfExp) and call is not parent.test
    ):
        return _handed_over(parent)
    return False


def test_projects_cover_both_requests_mocking_libraries() -> None:
    """One project mocks with responses, one with requests-mock (fixture and Mocker)."""
    suites = ["".join(p.read_text() for p in project.rglob("test_*.py")) for project in PROJECTS]
    assert any("import responses" in text for text in suites)
    assert any(
        "def test_" in text and "(requests_mock)" in text and "requests_mock.Mocker()" in text
        for text in suites
    )


@pytest.mark.parametrize("project", PROJECTS, ids=[p.name for p in PROJECTS])
def test_project_migrates_with_its_tests(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / project.name
    shutil.copytree(project, copy)
    # The original project does not use pytest-asyncio; keep its plugin out.
    before, _ = _pytest(copy, "-p", "no:asyncio")
    assert before >= 5

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "migrate", "apply", "--force", "."],
        cwd=copy,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "TODO(migrate)" not in "".join(p.read_text() for p in copy.rglob("*.py"))

    # pytest-asyncio runs only where the migration made the project depend on it.
    declared = "".join(p.read_text() for p in copy.glob("*") if p.suffix in (".toml", ".txt"))
    after, out = _pytest(copy, *(() if "pytest-asyncio" in declared else ("-p", "no:asyncio")))
    assert after == before, out
    assert "never awaited" not in out

    tree_text = "".join(p.read_text() for p in copy.rglob("*.py"))
    assert not re.search(r"^\s*(import|from) (requests|responses|requests_mock)\b", tree_text, re.M)
    # requests-mock's fixture is a parameter, not an import: it must be gone too.
    assert not re.search(r"\brequests_mock\b", tree_text)
    assert not _unawaited_calls(copy)

    ruff = subprocess.run(
        [RUFF, "check", "--no-cache", "--isolated", "--select", "ASYNC", "--preview", "."],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
