"""The real-world harness: migrate pinned open-source projects and run their own suites.

For each project in ``projects.toml``: fetch its sdist (cached under
``build/realworld/sdists``), unpack two copies, run the project's own suite
on the first (the baseline), run ``migrate apply`` alone on the second (code
and tests), then run the suite again inside a network namespace where only
loopback exists, with ``-W error::RuntimeWarning`` so a coroutine that is
never awaited fails its test. The table compares collected and passed tests;
a project that fails is reported, never dropped. A project passes when
``migrate apply`` changed its library code (not only its tests) and its suite
passes as before on it; one left unchanged is reported with ``migrate
plan``'s reason when it refuses the shape as a whole (such as a library that
extends requests itself). The copies live in the temporary directory,
outside this repository, so its pytest settings do not apply to them.
Needs Python 3.11+ (tomllib) and ``unshare``.

Usage: ``make realworld`` or ``python realworld/run.py [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import tomllib

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "realworld"
SDISTS = BUILD / "sdists"
# Outside the repository, so pytest never picks up this repository's configuration.
WORK = Path(tempfile.gettempdir()) / "migrate-realworld"
REPORTS = BUILD / "reports"
VENV = BUILD / "venv"
PY = VENV / "bin" / "python"
SUITE_TIMEOUT = 900
# What a run leaves beside the code: migrate's undo journal, caches.
BOOKKEEPING = {".migrate", "__pycache__", ".ruff_cache", ".pytest_cache"}
COUNT_WORDS = ("passed", "failed", "errors", "error", "skipped", "xfailed", "xpassed")


@dataclass
class Project:
    """One pinned project and how its suite runs."""

    name: str
    version: str
    covers: str
    tests: list[str]
    paths: list[str] = field(default_factory=lambda: ["."])
    requires: list[str] = field(default_factory=list)
    pytest_args: list[str] = field(default_factory=list)
    runner: str = "pytest"


@dataclass
class SuiteRun:
    """What one run of a suite reported."""

    counts: dict[str, int]
    returncode: int
    failing: list[tuple[str, str]]
    tail: str
    unawaited: bool = False
    # Why the counts come from pytest's junit report rather than its summary line.
    recounted: str = ""

    @property
    def passed(self) -> int:
        return self.counts.get("passed", 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Result:
    """One row of the results table."""

    project: str
    version: str
    covers: str
    baseline_passed: int = 0
    baseline_total: int = 0
    after_passed: int = 0
    after_total: int = 0
    files_changed: int = 0
    library_changed: int = 0  # of those, modules outside the suite's folders
    unawaited: bool = False
    # Files a second ``migrate apply`` on the migrated tree changes (ground rule 4:
    # it must change nothing).
    second_run: list[str] = field(default_factory=list)
    # Why ``migrate plan`` leaves code as it is, when apply changed nothing.
    refusal: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def migrated(self) -> bool:
        """``migrate apply`` changed the project; a refusal or a no-op migrated nothing."""
        return self.files_changed > 0

    @property
    def ok(self) -> bool:
        """Migrated (the library's code too), and the suite passes as before on it."""
        return (
            self.migrated
            and self.library_changed > 0
            and not self.unawaited
            and not self.second_run
            and self.baseline_passed > 0
            and self.after_total == self.baseline_total
            and self.after_passed >= self.baseline_passed
        )


def load_projects() -> list[Project]:
    data = tomllib.loads((Path(__file__).parent / "projects.toml").read_text())
    return [Project(**entry) for entry in data["project"]]


def ensure_venv(projects: list[Project]) -> None:
    """One environment for all suites: this toolkit with its test extras and each suite's needs."""
    requires = sorted({req for project in projects for req in project.requires})
    key = hashlib.sha256(
        json.dumps(requires).encode() + (ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()
    stamp = VENV / ".realworld-installed"
    if stamp.exists() and stamp.read_text() == key:
        return
    if not PY.exists():
        venv.create(VENV, with_pip=True)
    pip = [str(PY), "-m", "pip", "install", "--quiet"]
    for args in (["--upgrade", "pip"], ["-e", f"{ROOT}[test]", *requires]):
        proc = subprocess.run([*pip, *args], capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"realworld: pip install failed:\n{proc.stderr[-2000:]}")
    stamp.write_text(key)


def fetch(project: Project) -> Path:
    """The project's sdist, downloaded once from the package index."""
    SDISTS.mkdir(parents=True, exist_ok=True)
    found = _cached_sdist(project)
    if found is None:
        subprocess.run(
            [
                *(str(PY), "-m", "pip", "download", "--quiet", "--no-binary", ":all:"),
                *("--no-deps", "--dest", str(SDISTS), f"{project.name}=={project.version}"),
            ],
            check=True,
        )
        found = _cached_sdist(project)
    if found is None:
        raise SystemExit(f"realworld: no sdist for {project.name}=={project.version}")
    return found


def _cached_sdist(project: Project) -> Path | None:
    for path in SDISTS.glob("*.tar.gz"):
        name, _, version = path.name.removesuffix(".tar.gz").rpartition("-")
        if _normalise(name) == _normalise(project.name) and version == project.version:
            return path
    return None


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def unpack(sdist: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        archive.extractall(dest, filter="data")
    (top,) = dest.iterdir()
    return top


def network_prefix() -> list[str]:
    """A command prefix that runs its command where only loopback exists."""
    for prefix in (["unshare", "-rn"], ["unshare", "-n"]):
        probe = subprocess.run([*prefix, "true"], capture_output=True)
        if probe.returncode == 0:
            return prefix
    raise SystemExit("realworld: cannot make a network namespace (unshare -n failed)")


def run_suite(project: Project, tree: Path, *, isolated: bool) -> SuiteRun:
    python = [str(PY)]
    if isolated:
        python += ["-W", "error::RuntimeWarning"]
    if project.runner == "unittest":
        # testscenarios multiplies tests through load_tests, which only unittest honours.
        command = [*python, "-m", "unittest", "discover", "-t", ".", *project.tests]
    else:
        # The junit report is written before the terminal summary, which can die
        # on its way (see _junit).
        junit = tree.parent / f"{tree.parent.name}-junit.xml"
        junit.unlink(missing_ok=True)
        # Native tracebacks: pytest's own re-parse the failing test's source, which
        # CPython 3.11.7 can refuse inside an async test's frames ("AST constructor
        # recursion depth mismatch"), stopping the whole run there.
        command = [*python, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", "--tb=native"]
        command += [f"--junitxml={junit}", *project.pytest_args, *project.tests]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(tree / p) for p in project.paths)}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["COLUMNS"] = "240"  # pytest cuts its short summary lines to the terminal's width
    if isolated:
        # Loopback up, nothing else: a request that escapes its mock fails to connect.
        script = 'ip link set lo up 2>/dev/null; exec "$@"'
        command = [*network_prefix(), "sh", "-c", script, "sh", *command]
    try:
        proc = subprocess.run(
            command, cwd=tree, env=env, capture_output=True, text=True, timeout=SUITE_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return SuiteRun({}, -1, [], f"timed out after {SUITE_TIMEOUT} s")
    out = proc.stdout + proc.stderr
    recounted = ""
    if project.runner == "unittest":
        counts, failing = _unittest_counts(out), _unittest_failing(out)
    else:
        counts, failing = _counts(out), _failing(out)
        if not counts and junit.exists():
            counts, failing = _junit(junit)
            last = (_tail(out).splitlines() or ["no output"])[-1][:120]
            recounted = f"pytest's summary did not print ({last}); counted from its junit report"
    return SuiteRun(
        counts, proc.returncode, failing, _tail(out), "was never awaited" in out, recounted
    )


def _junit(path: Path) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Counts and failing tests from pytest's junit report.

    Under ``-W error`` an un-awaited coroutine collected while pytest's terminal
    summary imports a module (hypothesis' plugin does) can raise inside
    ``ast.parse`` and end pytest with CPython's gh-106905 (``SystemError: AST
    constructor recursion depth mismatch``) before the summary line: the tests
    ran, and the report written before that still says how each went.
    """
    counts = dict.fromkeys(("passed", "failed", "errors", "skipped"), 0)
    failing: list[tuple[str, str]] = []
    for case in ET.parse(path).iter("testcase"):
        outcome = next(
            (child for child in case if child.tag in ("failure", "error", "skipped")), None
        )
        key = {"failure": "failed", "error": "errors", "skipped": "skipped"}.get(
            outcome.tag if outcome is not None else "", "passed"
        )
        counts[key] += 1
        if key in ("failed", "errors") and outcome is not None:
            name = f"{case.get('classname', '')}::{case.get('name', '')}"
            # A failure can carry an empty message (an assert with none).
            first = next(iter((outcome.get("message") or "").splitlines()), "")
            failing.append((name, first[:200]))
    return {k: v for k, v in counts.items() if v}, failing


def _unittest_counts(out: str) -> dict[str, int]:
    ran = re.search(r"^Ran (\d+) tests?", out, re.M)
    if ran is None:
        return {}
    status = re.search(r"^(?:OK|FAILED)(?: \((.*)\))?$", out, re.M)
    counts = dict.fromkeys(("failed", "errors", "skipped"), 0)
    names = {"failures": "failed", "errors": "errors", "skipped": "skipped"}
    for word, number in re.findall(r"(\w+)=(\d+)", status.group(1) or "" if status else ""):
        if word in names:
            counts[names[word]] += int(number)
    counts["passed"] = int(ran.group(1)) - sum(counts.values())
    return counts


def _unittest_failing(out: str) -> list[tuple[str, str]]:
    return [(name, "") for name in re.findall(r"^(?:FAIL|ERROR): (.+)$", out, re.M)]


def _counts(out: str) -> dict[str, int]:
    summary = next(
        (
            line
            for line in reversed(out.splitlines())
            if re.search(r"\d+ (passed|failed|error)", line)
        ),
        "",
    )
    counts: dict[str, int] = {}
    for number, word in re.findall(r"(\d+) (\w+)", summary):
        if word in COUNT_WORDS:
            key = "errors" if word == "error" else word
            counts[key] = counts.get(key, 0) + int(number)
    return counts


def _failing(out: str) -> list[tuple[str, str]]:
    return re.findall(r"^(?:FAILED|ERROR) (\S+)(?: - (.*))?$", out, re.M)


def _tail(out: str) -> str:
    lines = [line for line in out.splitlines() if line.strip()]
    return "\n".join(lines[-15:])


def migrate(tree: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [str(PY), "-m", "migrate", "apply", str(tree), "--force"],
        capture_output=True,
        text=True,
        timeout=SUITE_TIMEOUT,
    )
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    return proc.returncode, lines[-1] if lines else ""


def refusal(tree: Path, kept_only: bool = False) -> str:
    """Why ``migrate plan`` leaves the project as it is: its first review reason, if any;
    with ``kept_only``, the first saying what stays on requests."""
    proc = subprocess.run(
        [str(PY), "-m", "migrate", "plan", str(tree), "--json"],
        capture_output=True,
        text=True,
        timeout=SUITE_TIMEOUT,
    )
    try:
        items = json.loads(proc.stdout)["needs_review"]
    except (ValueError, KeyError):
        return ""
    # What apply holds the whole migration back for comes first.
    held = [i["reason"] for i in items if i.get("unawaited") and not _in_tests(i)]
    reasons = held or [item["reason"] for item in items]
    if kept_only:
        reasons = [r for r in reasons if "stays" in r and "requests" in r]
    if not reasons:
        return ""
    more = f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""
    return reasons[0].split(" (", 1)[0] + more


def _in_tests(item: dict[str, Any]) -> bool:
    name = Path(item["where"]["path"]).name
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def changed_files(before: Path, after: Path) -> list[str]:
    changed = []
    for path in sorted(after.rglob("*")):
        rel = path.relative_to(after)
        if not path.is_file() or set(rel.parts) & BOOKKEEPING:
            continue
        original = before / rel
        if not original.exists() or original.read_bytes() != path.read_bytes():
            changed.append(str(rel))
    return changed


def library_changes(project: Project, changed: list[str]) -> list[str]:
    """The changed Python modules outside the suite's folders, bar the helpers module."""
    return [
        path
        for path in changed
        if path.endswith(".py")
        and not path.endswith("_async_helpers.py")
        and not any(Path(path).is_relative_to(tests) for tests in project.tests)
        and not Path(path).name.startswith(("test_", "conftest"))
    ]


def run_project(project: Project) -> Result:
    result = Result(project.name, project.version, project.covers)
    sdist = fetch(project)
    work = WORK / project.name
    baseline_tree = unpack(sdist, work / "baseline")
    migrated_tree = unpack(sdist, work / "migrated")
    pristine_tree = unpack(sdist, work / "pristine")

    baseline = run_suite(project, baseline_tree, isolated=False)
    result.baseline_passed, result.baseline_total = baseline.passed, baseline.total

    status, last_line = migrate(migrated_tree)
    changed = changed_files(pristine_tree, migrated_tree)
    result.files_changed = len(changed)
    if status != 0:
        result.notes.append(f"migrate apply exited {status}: {last_line}")
    result.library_changed = len(library_changes(project, changed))
    if changed and not result.library_changed:
        # The suite then runs the library as it was: no pass.
        why = refusal(pristine_tree)
        result.notes.append(
            "only test code changed" + (f"; the library stays: {why}" if why else "")
        )
    elif changed and (kept := refusal(pristine_tree, kept_only=True)):
        result.notes.append(f"part stays: {kept}")
    if not changed:
        result.refusal = refusal(pristine_tree)
        if result.refusal:
            result.notes.append(f"refused, nothing changed: {result.refusal}")
        else:
            result.notes.append("migrate apply changed nothing")
        # The code is the original: running its suite again would measure no migration.
        _write_report(project, result, changed, (status, last_line), baseline, None)
        return result

    # A second run on a copy of the migrated tree must change nothing.
    again = work / "again" / migrated_tree.name
    shutil.rmtree(again.parent, ignore_errors=True)
    shutil.copytree(migrated_tree, again, symlinks=True)  # a dangling link stays one
    migrate(again)
    result.second_run = changed_files(migrated_tree, again)
    if result.second_run:
        result.notes.append(
            f"a second migrate apply changed {len(result.second_run)} files, e.g."
            f" {result.second_run[0]}"
        )

    after = run_suite(project, migrated_tree, isolated=True)
    result.after_passed, result.after_total = after.passed, after.total
    if after.unawaited:
        result.unawaited = True
        result.notes.append("a coroutine was never awaited")
    if after.recounted:
        result.notes.append(after.recounted)
    if not after.counts:
        result.notes.append(
            "suite did not run: " + after.tail.splitlines()[-1] if after.tail else ""
        )
    if after.failing:
        result.notes.append(_failure_summary(after.failing))
    _write_report(project, result, changed, (status, last_line), baseline, after)
    return result


def _write_report(
    project: Project,
    result: Result,
    changed: list[str],
    migrate_output: tuple[int, str],
    baseline: SuiteRun,
    after: SuiteRun | None,
) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{project.name}.json").write_text(
        json.dumps(
            {
                "result": asdict(result),
                "changed": changed,
                "migrate": list(migrate_output),
                "baseline": asdict(baseline),
                "after": asdict(after) if after is not None else None,
            },
            indent=2,
        )
    )


def _failure_summary(failing: list[tuple[str, str]]) -> str:
    """``3 failing (TypeError 2, AssertionError 1), e.g. test_x: TypeError: ...``."""
    kinds: dict[str, int] = {}
    for _, reason in failing:
        kind = reason.split(":", 1)[0].strip() if reason else "failed"
        if not kind.replace(".", "_").isidentifier():
            # pytest's own ``assert x == y`` message, without the class name.
            kind = "AssertionError" if kind.startswith("assert ") else "failed"
        kinds[kind] = kinds.get(kind, 0) + 1
    spread = ", ".join(
        f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1])
    )
    test, reason = next(((t, r) for t, r in failing if r), failing[0])
    example = f"{test.rpartition('::')[2]}: {reason}" if reason else test
    return f"{len(failing)} failing ({spread}), e.g. {example[:140]}"


def table(results: list[Result]) -> str:
    rows = [
        "| project | version | what it covers | baseline passed | after passed | notes |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        notes = "; ".join(r.notes) or ("ok" if r.ok else "")
        notes = notes.replace("|", "\\|")
        if r.migrated:
            after = f"{r.after_passed}/{r.after_total} ({r.files_changed} files changed)"
        else:
            # The suite ran on the original code: its count says nothing about a migration.
            after = "not migrated (refused)" if r.refusal else "not migrated (nothing changed)"
        rows.append(
            f"| {r.project} | {r.version} | {r.covers} | "
            f"{r.baseline_passed}/{r.baseline_total} | {after} | {notes} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="run only these projects")
    args = parser.parse_args(argv)
    projects = [p for p in load_projects() if not args.only or p.name in args.only]
    network_prefix()
    ensure_venv(projects)
    results = []
    for project in projects:
        print(f"realworld: {project.name} {project.version}", file=sys.stderr, flush=True)
        results.append(run_project(project))
    text = table(results)
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "results.md").write_text(text + "\n")
    print(text)
    ok = sum(r.ok for r in results)
    refused = sum(not r.migrated for r in results)
    print(
        f"\n{ok} of {len(results)} projects migrated and pass with the same tests"
        f" ({refused} not migrated)"
    )
    return 0 if ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
