"""How fast is ``migrate plan`` on a real codebase, next to libcst's own codemod runner?

What is measured
----------------
1. **Corpus.** The ``*.py`` source of a fixed set of installed distributions (flask,
   werkzeug, jinja2, click, httpx, httpcore, requests, urllib3, rich, asgiref, anyio) is
   copied from the running interpreter's site-packages into ``build/bench-corpus/<pkg>/``,
   fresh on every run (about 150k lines). Packages that are not installed are skipped,
   and the script says so.
2. **``migrate plan``.** ``python -m migrate plan build/bench-corpus --json --jobs 2`` is
   run as a subprocess, three times; the best wall time counts. This is what a user waits
   for: interpreter start, imports, reading, whole-project analysis and the JSON plan.
3. **libcst baseline.** ``libcst.codemod.parallel_exec_transform_with_prettyprint`` runs a
   codemod that changes nothing (a ``VisitorBasedCodemodCommand`` with no visit methods)
   over the same files with two jobs. libcst still parses every file into a concrete
   syntax tree, walks every node with a Python visitor and regenerates the code: about a
   quarter of a millisecond of CPU per line, 0.1 s for an average file here and 0.3 s or
   more for a large module (the whole corpus is ~36 s of CPU, ~18 s wall on two cores).
   That is the cost floor of "one libcst pass over the project".

Why
---
``migrate plan`` has to look at the whole project at once (an ``await`` added in one
module makes callers in other modules async), so it runs on every file every time. That
analysis must be cheap: the targets are a plan in under 2 s for the corpus and at least
20x faster than a single no-op libcst pass. Rewriting a file with libcst is fine when the
file is actually changed; paying a libcst pass for every file just to plan is not.

The script is a benchmark, not a test: it exits 0 whether or not the targets are met, and
1 only when a step fails (for example ``migrate plan`` does not exist yet or crashes).

Usage::

    python benchmarks/plan_speed.py                    # full run (libcst pass ~20 s)
    python benchmarks/plan_speed.py --quick --sample 40  # libcst on 40 files, extrapolated
    python benchmarks/plan_speed.py --json             # numbers as JSON on stdout
    python benchmarks/plan_speed.py --skip-plan        # corpus and libcst only
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from libcst.codemod import (
    VisitorBasedCodemodCommand,
    parallel_exec_transform_with_prettyprint,
)
from rich.console import Console
from rich.table import Table

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "build" / "bench-corpus"
PACKAGES: tuple[str, ...] = (
    "flask",
    "werkzeug",
    "jinja2",
    "click",
    "httpx",
    "httpcore",
    "requests",
    "urllib3",
    "rich",
    "asgiref",
    "anyio",
)
TARGET_PLAN_SECONDS = 2.0
TARGET_RATIO = 20.0
PLAN_TIMEOUT_SECONDS = 600.0


class NoopCodemod(VisitorBasedCodemodCommand):
    """A codemod with no visit methods: libcst still parses and visits every node."""

    DESCRIPTION = "Changes nothing; measures libcst's parse + visit + codegen cost."


@dataclass
class Corpus:
    root: Path
    files: list[Path]
    lines_by_file: dict[Path, int]
    packages: list[str]
    missing: list[str]

    @property
    def lines(self) -> int:
        return sum(self.lines_by_file.values())


@dataclass
class LibcstResult:
    seconds: float  # for the whole corpus (extrapolated when sampled)
    measured_seconds: float
    measured_files: int
    measured_lines: int
    extrapolated: bool
    successes: int
    failures: int
    skips: int


@dataclass
class Report:
    python: str
    libcst_version: str
    jobs: int
    corpus_dir: str
    packages: list[str]
    missing_packages: list[str]
    files: int
    lines: int
    plan_seconds: float | None
    plan_runs: list[float] = field(default_factory=list)
    libcst: LibcstResult | None = None
    ratio: float | None = None
    plan_target_met: bool | None = None
    ratio_target_met: bool | None = None
    targets: dict[str, float] = field(
        default_factory=lambda: {
            "plan_seconds_max": TARGET_PLAN_SECONDS,
            "ratio_min": TARGET_RATIO,
        }
    )


class StepFailed(Exception):
    """A benchmark step could not be carried out."""


def count_lines(path: Path) -> int:
    return len(path.read_bytes().splitlines())


def build_corpus(console: Console) -> Corpus:
    """Copy the ``*.py`` files of the installed PACKAGES into a fresh CORPUS_DIR."""
    if CORPUS_DIR.exists():
        shutil.rmtree(CORPUS_DIR)
    CORPUS_DIR.mkdir(parents=True)
    found: list[str] = []
    missing: list[str] = []
    files: list[Path] = []
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        locations = list(spec.submodule_search_locations or []) if spec else []
        if not locations:
            missing.append(name)
            console.print(f"[yellow]skipped {name}: not installed in {sys.prefix}[/]")
            continue
        found.append(name)
        for location in locations:
            source_root = Path(location)
            for source in sorted(source_root.rglob("*.py")):
                if "__pycache__" in source.parts:
                    continue
                target = CORPUS_DIR / name / source.relative_to(source_root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                files.append(target)
    if not files:
        raise StepFailed(f"no source copied: none of {', '.join(PACKAGES)} is installed")
    files.sort()
    lines_by_file = {path: count_lines(path) for path in files}
    corpus = Corpus(CORPUS_DIR, files, lines_by_file, found, missing)
    console.print(
        f"Corpus: {len(files):,} files, {corpus.lines:,} lines from {len(found)} packages "
        f"in {display_path(CORPUS_DIR)}"
    )
    return corpus


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def time_plan(corpus: Corpus, jobs: int, runs: int, console: Console) -> list[float]:
    """Wall time of ``python -m migrate plan CORPUS --json --jobs N``, ``runs`` times."""
    command = [
        sys.executable,
        "-m",
        "migrate",
        "plan",
        str(corpus.root),
        "--json",
        "--jobs",
        str(jobs),
    ]
    shown = " ".join(["python", *command[1:]])
    console.print(f"Timing: {shown} (best of {runs})")
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as tmp:
        out_path = Path(tmp) / "plan.json"
        for run in range(1, runs + 1):
            with out_path.open("wb") as out:
                start = time.perf_counter()
                try:
                    proc = subprocess.run(
                        command,
                        cwd=REPO_ROOT,  # so `-m migrate` finds this checkout's package
                        stdin=subprocess.DEVNULL,
                        stdout=out,
                        stderr=subprocess.PIPE,
                        timeout=PLAN_TIMEOUT_SECONDS,
                        check=False,
                    )
                except subprocess.TimeoutExpired as exc:
                    raise StepFailed(
                        f"`migrate plan` did not finish within {PLAN_TIMEOUT_SECONDS:.0f} s"
                    ) from exc
                elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                stderr = proc.stderr.decode(errors="replace").strip()
                raise StepFailed(
                    f"`migrate plan` exited with status {proc.returncode} (run {run}).\n"
                    f"--- its stderr ---\n{stderr or '(empty)'}\n------------------\n"
                    "If `migrate plan` is not written yet, run with --skip-plan to measure "
                    "only the corpus and the libcst baseline."
                )
            times.append(elapsed)
            console.print(f"  run {run}: {elapsed:.2f} s")
            if run == 1:
                check_plan_output(out_path, console)
    return times


def check_plan_output(path: Path, console: Console) -> None:
    """Warn (without failing) if ``--json`` did not produce JSON."""
    text = path.read_text(errors="replace")
    if not text.strip():
        console.print("[yellow]warning: `migrate plan --json` wrote nothing to stdout[/]")
        return
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        console.print(f"[yellow]warning: `migrate plan --json` output is not JSON: {exc}[/]")


def sample_files(files: list[Path], size: int) -> list[Path]:
    """Deterministic, evenly spaced sample over the sorted file list (spans all packages)."""
    if size >= len(files):
        return list(files)
    step = len(files) / size
    return [files[int(i * step)] for i in range(size)]


def time_libcst(corpus: Corpus, jobs: int, sample: int | None, console: Console) -> LibcstResult:
    files = corpus.files if sample is None else sample_files(corpus.files, sample)
    measured_lines = sum(corpus.lines_by_file[path] for path in files)
    what = "all files" if sample is None else f"a sample of {len(files)} files"
    console.print(f"Timing: libcst no-op codemod over {what}, jobs={jobs} (one run)")
    start = time.perf_counter()
    # libcst instantiates the class per file as NoopCodemod(CodemodContext(...)); passing
    # an instance does the same but is deprecated in libcst >= 1.5.
    result = parallel_exec_transform_with_prettyprint(
        NoopCodemod,
        [str(path) for path in files],
        jobs=jobs,
        hide_progress=True,
        # With a repo root libcst also names each file's module, as `python -m libcst.tool
        # codemod` does; without one it prints an error line per file.
        repo_root=str(corpus.root),
    )
    measured = time.perf_counter() - start
    if result.successes == 0:
        raise StepFailed(f"libcst processed no file successfully: {result}")
    extrapolated = len(files) < len(corpus.files)
    seconds = measured * corpus.lines / measured_lines if extrapolated else measured
    note = (
        f" -> {seconds:.1f} s for all {corpus.lines:,} lines (extrapolated per line)"
        if extrapolated
        else ""
    )
    console.print(f"  {measured:.2f} s for {measured_lines:,} lines{note}")
    if result.failures:
        console.print(f"[yellow]warning: libcst failed on {result.failures} file(s)[/]")
    return LibcstResult(
        seconds=seconds,
        measured_seconds=measured,
        measured_files=len(files),
        measured_lines=measured_lines,
        extrapolated=extrapolated,
        successes=result.successes,
        failures=result.failures,
        skips=result.skips,
    )


def verdict(report: Report) -> str:
    parts: list[str] = []
    if report.plan_seconds is None:
        parts.append("migrate plan not measured (--skip-plan)")
    else:
        ok = "met" if report.plan_target_met else "MISSED"
        parts.append(f"plan {report.plan_seconds:.2f} s (target < {TARGET_PLAN_SECONDS:g} s: {ok})")
    if report.ratio is not None:
        ok = "met" if report.ratio_target_met else "MISSED"
        est = " (libcst extrapolated)" if report.libcst and report.libcst.extrapolated else ""
        parts.append(
            f"{report.ratio:.1f}x faster than libcst{est} (target >= {TARGET_RATIO:g}x: {ok})"
        )
    return "Verdict: " + "; ".join(parts)


def print_table(report: Report, console: Console) -> None:
    table = Table(title="migrate plan vs libcst no-op codemod", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("corpus lines", f"{report.lines:,}")
    table.add_row("corpus files", f"{report.files:,}")
    if report.plan_seconds is None:
        table.add_row("migrate plan (s, best of runs)", "skipped")
    else:
        runs = len(report.plan_runs)
        table.add_row(f"migrate plan (s, best of {runs})", f"{report.plan_seconds:.2f}")
    lib = report.libcst
    if lib is not None:
        value = f"{lib.seconds:.1f}"
        if lib.extrapolated:
            value += f" (est. from {lib.measured_files} files, {lib.measured_seconds:.1f} s)"
        table.add_row("libcst no-op (s)", value)
    ratio = "n/a" if report.ratio is None else f"{report.ratio:.1f}x"
    table.add_row("ratio (libcst / plan)", ratio)
    console.print(table)
    if lib is not None and lib.extrapolated:
        console.print(
            f"Note: --quick: libcst ran on {lib.measured_files} of {report.files} files "
            f"({lib.measured_lines:,} lines); its time for the whole corpus is extrapolated "
            "per line (includes process-pool start-up, so it is a rough estimate)."
        )
    if report.missing_packages:
        console.print(f"Not installed, left out: {', '.join(report.missing_packages)}")
    console.print(verdict(report))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark `migrate plan` against a no-op libcst codemod pass.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="run libcst on a deterministic sample of files and extrapolate per line",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=None,
        metavar="N",
        help="sample size for --quick (default 100; giving it implies --quick)",
    )
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--jobs", type=int, default=2, help="jobs for both tools (default 2)")
    parser.add_argument(
        "--runs", type=int, default=3, help="`migrate plan` runs; best counts (default 3)"
    )
    parser.add_argument(
        "--skip-plan",
        action="store_true",
        help="do not run `migrate plan` (measure the corpus and libcst only)",
    )
    args = parser.parse_args(argv)
    if args.sample is not None:
        args.quick = True
        if args.sample < 1:
            parser.error("--sample must be at least 1")
    elif args.quick:
        args.sample = 100
    if args.jobs < 1 or args.runs < 1:
        parser.error("--jobs and --runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # With --json, stdout carries only the JSON document; progress goes to stderr.
    console = Console(stderr=args.json, soft_wrap=True)
    errors = Console(stderr=True, soft_wrap=True)
    try:
        corpus = build_corpus(console)
        plan_runs: list[float] = []
        if not args.skip_plan:
            plan_runs = time_plan(corpus, args.jobs, args.runs, console)
        libcst_result = time_libcst(corpus, args.jobs, args.sample if args.quick else None, console)
    except StepFailed as exc:
        errors.print("[bold red]benchmark step failed:[/]")
        errors.print(str(exc), markup=False, highlight=False)
        return 1

    plan_seconds = min(plan_runs) if plan_runs else None
    ratio = libcst_result.seconds / plan_seconds if plan_seconds else None
    report = Report(
        python=f"{platform.python_implementation()} {platform.python_version()}",
        libcst_version=importlib.metadata.version("libcst"),
        jobs=args.jobs,
        corpus_dir=display_path(corpus.root),
        packages=corpus.packages,
        missing_packages=corpus.missing,
        files=len(corpus.files),
        lines=corpus.lines,
        plan_seconds=plan_seconds,
        plan_runs=plan_runs,
        libcst=libcst_result,
        ratio=ratio,
        plan_target_met=None if plan_seconds is None else plan_seconds < TARGET_PLAN_SECONDS,
        ratio_target_met=None if ratio is None else ratio >= TARGET_RATIO,
    )
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print_table(report, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
