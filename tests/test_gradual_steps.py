"""Gradual migration: the sample app walked through the steps the plan proposes.

After every step the behaviour suite passes against the app as it stands,
and at the end the app is exactly what a one-shot migration makes of it; the
last step (Flask -> Quart) then makes exactly ``sample_quart_app``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from migrate.analyse.decisions import Scope
from migrate.analyse.run import analyse_paths
from migrate.apply import run_apply
from migrate.plan.steps import propose_steps
from migrate.rewrite.options import RewriteOptions

ROOT = Path(__file__).resolve().parents[1]


def _behaviour_suite(app_dir: Path, package: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(app_dir), str(ROOT)])}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/behaviour",
            "--app",
            f"{package}:create_app",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_every_step_keeps_the_app_working(tmp_path: Path) -> None:
    package = "sample_stepped_app"
    app = tmp_path / package
    shutil.copytree(ROOT / "sample_legacy_app", app, ignore=shutil.ignore_patterns("__pycache__"))
    # The repository's style, as for the one-shot golden copy.
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    *steps, quart = propose_steps(analyse_paths([app], jobs=1), (str(app),))
    assert quart.command.endswith("--to quart")
    assert len(steps) >= 3
    assert steps[0].modules == (f"{package}.upstream",)  # the leaf goes first
    tied = next(s for s in steps if f"{package}.views.timing" in s.modules)
    # The view decorator moves with the views it wraps.
    assert {f"{package}.views.dashboard", f"{package}.views.feed"} <= set(tied.modules)

    for number, step in enumerate(steps, 1):
        report = run_apply(
            (app,),
            scope=Scope(select=step.modules),
            force=True,
            console=Console(file=io.StringIO()),
        )
        assert not report.failed, [r.error for r in report.failed]
        assert report.changed, f"step {number} changed nothing"
        if number == 1:
            # Mid-migration: the views still run sync and reach the new
            # async clients through bridges.
            assert "async_to_sync(fetch_weather)" in (app / "views" / "dashboard.py").read_text()
        suite = _behaviour_suite(tmp_path, package)
        assert suite.returncode == 0, (
            f"after step {number} ({step.command}):\n{suite.stdout[-3000:]}"
        )
        assert " passed" in suite.stdout

    final = run_apply((app,), write=False, console=Console(file=io.StringIO()))
    assert final.changed == []
    _same_as(app, ROOT / "sample_migrated_app")

    report = run_apply(
        (app,),
        options=RewriteOptions(target="quart"),
        force=True,
        console=Console(file=io.StringIO()),
    )
    assert not report.failed and report.changed
    suite = _behaviour_suite(tmp_path, package)
    assert suite.returncode == 0, f"after {quart.command}:\n{suite.stdout[-3000:]}"
    _same_as(app, ROOT / "sample_quart_app")


def _same_as(app: Path, golden: Path) -> None:
    for path in golden.rglob("*.py"):
        rel = path.relative_to(golden)
        assert (app / rel).read_bytes() == path.read_bytes(), (
            f"{rel} differs from the one-shot result in {golden.name}"
        )


def _own_suite(project: Path) -> subprocess.CompletedProcess[str]:
    # pytest-asyncio runs only where the migration made the project depend on it.
    declared = "pytest-asyncio" in (project / "pyproject.toml").read_text()
    plugin = () if declared else ("-p", "no:asyncio")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", *plugin],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_steps_proposed_again_after_each_one_lead_to_the_one_shot_result(tmp_path: Path) -> None:
    """A user runs ``migrate plan --steps`` after every step and applies its first
    one: the client on an app's extension (reached through a service accessor),
    the services, then the view. Each later step reads the bridges the earlier
    ones wrote (``async_to_sync(_client().current)``, ``async_to_sync(
    services.compare)``) and unwinds them; the app's own tests pass after each,
    and the end is what one ``migrate apply`` makes of the legacy code."""
    source = ROOT / "tests" / "gradual_projects" / "stepped_extension"
    stepped, once = tmp_path / "stepped", tmp_path / "once"
    for copy in (stepped, once):
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    console = Console(file=io.StringIO())
    applied = []
    for _ in range(5):
        *steps, _quart = propose_steps(analyse_paths([stepped], jobs=1), (str(stepped),))
        if not steps:
            break
        report = run_apply(
            (stepped,), scope=Scope(select=steps[0].modules), force=True, console=console
        )
        assert not report.failed and report.changed, steps[0].command
        applied.append(steps[0].modules)
        suite = _own_suite(stepped)
        assert suite.returncode == 0, f"after {steps[0].command}:\n{suite.stdout[-3000:]}"
    assert applied == [("wx.client",), ("wx.services",), ("wx",)]
    assert not run_apply((once,), force=True, console=console).failed
    for path in sorted(once.rglob("*.py")):
        rel = path.relative_to(once)
        assert (stepped / rel).read_text() == path.read_text(), f"{rel} differs"
