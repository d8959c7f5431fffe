"""Run mutmut on a seeded random sample of the mutants of migrate/rewrite and migrate/analyse.

All ~14,000 mutants take most of a day on two cores, so ``make mutation``
measures a sample: mutmut generates every mutant, this draws ``--size``
of them per package with ``random.Random(seed)`` from the sorted list of
names (the same commit and seed give the same sample), maps tests to the
functions they reach afresh, runs mutmut on those mutants only, and
prints the score per package with a 95% confidence interval
(``tools/mutation_score.py``). ``--size 0`` runs every mutant.

``--rerun-survivors`` runs the survivors of the last sample again, with the
tests as they are now, on the mutants of that run (same code, same names):
what tests added since then kill is counted in the same sample. It refuses
when migrate/ differs from the commit that run measured.

    python tools/mutation_sample.py [--size N] [--seed S] [--max-children N]
    python tools/mutation_sample.py --rerun-survivors [--max-children N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
SAMPLE = ROOT / "build" / "mutation-sample.txt"
MEASURED = ROOT / "build" / "mutation-commit.txt"


def generate(max_children: int) -> None:
    """Write every mutant under ``mutants/`` (mutmut's own generation step)."""
    # mutmut has no command that only generates; these are the first steps of
    # `mutmut run` (mutmut is pinned in the Makefile).
    from mutmut.__main__ import (  # type: ignore[import-not-found]
        copy_also_copy_files,
        copy_src_dir,
        create_mutants,
        set_mutant_under_test,
        setup_source_paths,
    )

    os.chdir(ROOT)
    MUTANTS.mkdir(exist_ok=True)
    set_mutant_under_test("mutant_generation")
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(max_children)


def package_of(meta: Path) -> str:
    parts = meta.relative_to(MUTANTS).parts
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def mutants_by_package() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        found[package_of(meta)] += json.loads(meta.read_text())["exit_code_by_key"]
    return {package: sorted(names) for package, names in sorted(found.items())}


def draw(by_package: dict[str, list[str]], size: int, seed: int) -> list[str]:
    """``size`` names per package (all of them when ``size`` is 0 or more than there are)."""
    rng = random.Random(seed)
    sample: list[str] = []
    for names in by_package.values():
        sample += names if not size or size >= len(names) else rng.sample(names, size)
    return sample


def survivors(sample: list[str]) -> list[str]:
    """The mutants of ``sample`` that the last run left alive (or reached with no test)."""
    from mutmut.stats import status_by_exit_code  # type: ignore[import-not-found]

    alive = {"survived", "no tests"}
    codes: dict[str, int | None] = {}
    for meta in MUTANTS.rglob("*.py.meta"):
        codes.update(json.loads(meta.read_text())["exit_code_by_key"])
    return [name for name in sample if status_by_exit_code[codes.get(name)] in alive]


def code_changed_since(commit: str) -> bool:
    """Whether migrate/ differs from ``commit`` (False outside a git checkout)."""
    diff = subprocess.run(
        ["git", "diff", "--quiet", commit, "--", "migrate"], cwd=ROOT, capture_output=True
    )
    return diff.returncode == 1


def run_and_score(names: list[str], max_children: int) -> int:
    # Named mutants are run again even when an earlier run left a result.
    mutmut = Path(sys.executable).parent / "mutmut"
    command = [str(mutmut), "run", "--max-children", str(max_children), *names]
    run = subprocess.run(command, cwd=ROOT, check=False)
    scored = subprocess.call(
        [sys.executable, ROOT / "tools" / "mutation_score.py", "--sample", SAMPLE, MUTANTS]
    )
    if run.returncode:
        print(f"mutmut run failed (exit {run.returncode}): the score above is incomplete")
    return run.returncode or scored


def rerun_survivors(max_children: int) -> int:
    if not SAMPLE.exists() or not MEASURED.exists():
        print("no earlier sample: run `make mutation` first", file=sys.stderr)
        return 2
    commit = MEASURED.read_text().strip()
    if code_changed_since(commit):
        print(
            f"migrate/ changed since the measured run ({commit}): its mutants are not"
            " this code's; run `make mutation` again",
            file=sys.stderr,
        )
        return 2
    names = survivors(SAMPLE.read_text().split())
    print(f"{len(names)} survivors of the sample measured at {commit}, run with today's tests")
    if not names:
        return subprocess.call(
            [sys.executable, ROOT / "tools" / "mutation_score.py", "--sample", SAMPLE, MUTANTS]
        )
    # mutmut copies tests/ into mutants/ again and maps the tests it has not
    # seen to the functions they reach; the mutants themselves are kept (the
    # sources are older than them), so the names still mean the same mutants.
    return run_and_score(names, max_children)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=150, help="mutants per package; 0: all")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument(
        "--rerun-survivors",
        action="store_true",
        help="run the last sample's survivors again with the current tests",
    )
    args = parser.parse_args()
    if args.rerun_survivors:
        return rerun_survivors(args.max_children)

    # mutmut refreshes its map of which tests reach which function only for
    # tests it has not seen: after the code changed, an old test that now
    # reaches a function would not run on its mutants, which then "survive".
    (MUTANTS / "mutmut-stats.json").unlink(missing_ok=True)
    generate(args.max_children)
    by_package = mutants_by_package()
    sample = draw(by_package, args.size, args.seed)
    SAMPLE.parent.mkdir(exist_ok=True)
    SAMPLE.write_text("".join(f"{name}\n" for name in sample))
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    MEASURED.write_text(head.stdout)
    for package, names in by_package.items():
        taken = min(len(names), args.size) if args.size else len(names)
        print(f"{package}: {taken} of {len(names)} mutants (seed {args.seed})")
    return run_and_score(sample, args.max_children)


if __name__ == "__main__":
    sys.exit(main())
