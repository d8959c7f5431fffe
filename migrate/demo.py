"""``migrate demo`` (``make demo``): plan, migrate a copy, compare, all on the sample.

The copy lives in ``build/demo/sample_migrated_app`` and is made afresh on
every run, so the demo shows what the toolkit does today rather than the
checked-in ``sample_migrated_app``. Measurement settings are lighter than
``migrate compare``'s defaults so the whole demo stays well under a minute.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

from rich.console import Console

from .analyse.run import analyse_paths
from .apply import run_apply
from .compare.model import CompareOptions
from .compare.render import render_result
from .compare.run import run_compare
from .plan import build_plan
from .summary import print_summary

ROOT = Path(__file__).resolve().parents[1]
LEGACY = ROOT / "sample_legacy_app"
DEMO_DIR = Path("build/demo")


def run_demo(latency: float = 0.3, console: Console | None = None, work: Path = DEMO_DIR) -> bool:
    """Run the demo; True when the migrated copy behaves the same as the original."""
    console = console or Console()
    work = work.resolve()

    the_plan = build_plan(analyse_paths((LEGACY,)), {})
    s = the_plan.summary
    console.rule("1. migrate plan sample_legacy_app")
    console.print(
        f"{s['files']} files, {s['files_to_change']} to change: {s['functions_to_convert']}"
        f" functions become async, {s['bridges']} bridges, {s['concurrency_spots']}"
        f" concurrency spots ({s['kept_sequential']} kept sequential),"
        f" {s['needs_review']} need review"
    )

    copy = work / "sample_migrated_app"
    shown = copy.relative_to(Path.cwd()) if copy.is_relative_to(Path.cwd()) else copy
    console.rule(f"2. migrate apply {shown}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(
        LEGACY, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.sqlite3")
    )
    # The copy is new and outside git, so nothing can be lost: force skips the git check.
    report = run_apply((copy,), force=True, console=Console(file=io.StringIO()))
    print_summary(report, console, wrote=True)
    if report.failed or report.read_failures:
        return False

    console.rule("3. migrate compare")
    # The copy must shadow the checked-in sample_migrated_app of the same name.
    if str(work) not in sys.path:
        sys.path.insert(0, str(work))
    options = CompareOptions(
        before="sample_legacy_app:create_app",
        after="sample_migrated_app:create_app",
        latency=latency,
        repeat=2,
        clients=8,
        requests=100,
        duration=3.0,
        report=work / "report.html",
    )
    result = run_compare(options, console=Console(stderr=True))
    render_result(result, console)
    return result.ok
