"""Fuzzing: ``migrate plan`` and ``migrate apply`` on programs nobody wrote for them.

Two sources of input, both with blocking calls spliced in so that the
rewrite has work to do:

* random programs from hypothesmith (Python's grammar), followed by
  functions that call ``requests`` and ``time.sleep`` and call each other;
* real files: modules of the standard library of the running Python, with
  ``requests.get(...)`` and ``time.sleep(...)`` put at the top of randomly
  chosen functions.

For every example: plan and apply never raise; a file they cannot handle is
reported and left byte-identical; every file apply writes compiles; a
second apply changes nothing. Prints the number of examples run and the
problems found; exit status 1 if any.

    python scripts/fuzz.py                       # 300 + 300 examples
    python scripts/fuzz.py --programs 20 --real 20
"""

from __future__ import annotations

import argparse
import ast
import io
import random
import sys
import sysconfig
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import hypothesmith
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from rich.console import Console

from migrate.analyse.run import analyse_paths
from migrate.apply import run_apply
from migrate.plan import build_plan
from migrate.plan.render import render_plan
from migrate.summary import unified_diff

BLOCKING = """

import time as _fuzz_time

import requests as _fuzz_requests


def _fuzz_fetch(url):
    response = _fuzz_requests.get(url, timeout=5)
    _fuzz_time.sleep(0.01)
    return response.json()


def _fuzz_both(a, b):
    return [_fuzz_fetch(a), _fuzz_fetch(b)]


def _fuzz_caller():
    return _fuzz_both("http://127.0.0.1:9/a", "http://127.0.0.1:9/b")["x"]
"""
SPLICE = '_fuzz_requests.get("http://127.0.0.1:9/", timeout=5).json(); _fuzz_time.sleep(0)'
# Real modules small enough for a quick example (libcst parses every changed file).
MAX_REAL_BYTES = 40_000


class Tally:
    """Examples run and problems found, by kind."""

    def __init__(self) -> None:
        self.examples: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.problems: list[str] = []


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*.py"))
        if ".migrate" not in p.parts
    }


def check(source: str, kind: str, tally: Tally, label: str = "") -> None:
    """Plan and apply one module; record any broken promise."""
    tally.examples[kind] += 1
    with tempfile.TemporaryDirectory(prefix="migrate-fuzz-") as tmp:
        root = Path(tmp) / "proj"
        root.mkdir()
        (root / "fuzzed.py").write_text(source, encoding="utf-8")
        before = _files(root)
        quiet = Console(file=io.StringIO(), width=80)
        try:
            analysis = analyse_paths((root,), jobs=1)
            render_plan(build_plan(analysis, {}, root_args=(str(root),)), quiet)
            report = run_apply((root,), jobs=1, force=True, console=quiet)
        except Exception:
            tally.problems.append(f"{kind}: crashed\n{traceback.format_exc()}\n{source}")
            return
        after = _files(root)
        if report.unawaited:
            # The check before writing caught what the rewrite got wrong: nothing written.
            tally.outcomes["blocked by the await check"] += 1
            if after != before:
                tally.problems.append(f"{kind} {label}: blocked, yet files changed")
            return
        if report.read_failures or report.failed:
            tally.outcomes["reported and skipped"] += 1
            if after["fuzzed.py"] != before["fuzzed.py"]:
                tally.problems.append(f"{kind}: a skipped file was changed\n{source}")
            return
        for name, data in after.items():
            try:
                compile(data, name, "exec", dont_inherit=True)
            except SyntaxError as exc:
                tally.problems.append(f"{kind}: {name} does not compile: {exc}\n{source}")
                return
        if after == before:
            tally.outcomes["nothing to change"] += 1
            return
        tally.outcomes["migrated"] += 1
        try:
            again = run_apply((root,), jobs=1, force=True, console=quiet)
        except Exception:
            tally.problems.append(f"{kind}: second run crashed\n{traceback.format_exc()}")
            return
        if again.changed or _files(root) != after:
            diff = "".join(unified_diff(r) for r in again.changed)
            tally.problems.append(f"{kind} {label}: a second run changed it\n{diff[:3000]}")


def splice_functions(source: str, rng: random.Random, count: int) -> str:
    """``source`` with blocking calls at the top of up to ``count`` of its functions."""
    tree = ast.parse(source)
    functions = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef) and n.body and n.body[0].lineno > n.lineno
    ]
    lines = source.splitlines(keepends=True)
    for fn in sorted(rng.sample(functions, min(count, len(functions))), key=lambda f: -f.lineno):
        first = fn.body[0]
        indent = " " * first.col_offset
        lines.insert(first.lineno - 1, f"{indent}{SPLICE}\n")
    header = "import time as _fuzz_time\nimport requests as _fuzz_requests\n"
    body = "".join(lines)
    # A __future__ import must stay first.
    if "from __future__" in body:
        return body + "\n" + header
    return header + body


def real_modules() -> list[Path]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    found = []
    for path in sorted(stdlib.glob("*.py")):
        if path.stat().st_size <= MAX_REAL_BYTES:
            try:
                ast.parse(path.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            found.append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--programs", type=int, default=300, help="hypothesmith programs")
    parser.add_argument("--real", type=int, default=300, help="real files with calls spliced in")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    tally = Tally()

    def common(examples: int) -> settings:
        return settings(
            max_examples=examples,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )

    if args.programs:

        @seed(args.seed)
        @common(args.programs)
        @given(hypothesmith.from_grammar())
        def programs(code: str) -> None:
            check(code + BLOCKING, "program", tally)

        programs()

    modules = real_modules()
    if args.real and modules:

        @seed(args.seed)
        @common(args.real)
        @given(st.sampled_from(modules), st.integers(0, 2**32), st.integers(1, 4))
        def real(path: Path, seed: int, count: int) -> None:
            source = path.read_text(encoding="utf-8")
            spliced = splice_functions(source, random.Random(seed), count)
            check(spliced, "real", tally, f"{path.name} (seed {seed}, {count} splices)")

        real()

    for problem in tally.problems[:10]:
        print(problem, "\n" + "-" * 60)
    outcomes = ", ".join(f"{n} {what}" for what, n in sorted(tally.outcomes.items()))
    print(
        f"fuzz: {tally.examples['program']} programs, {tally.examples['real']} real files"
        f" ({len(modules)} stdlib modules to draw from); {outcomes};"
        f" {len(tally.problems)} problems"
    )
    return 1 if tally.problems else 0


if __name__ == "__main__":
    sys.exit(main())
