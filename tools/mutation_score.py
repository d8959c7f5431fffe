"""Print the mutation score per package from what ``mutmut run`` left in ``mutants/``.

``make mutation`` runs mutmut over migrate/rewrite and migrate/analyse (see
``[tool.mutmut]`` in pyproject.toml), then this. A mutant counts as killed
when a test failed or timed out on it; "no tests" (no test of the subset
reaches the function) and "not checked" (the run was stopped) count
against the score, so an unfinished run never looks better than it is.
With ``--sample FILE`` (what ``tools/mutation_sample.py`` drew) only those
mutants count, and the score comes with its 95% confidence interval.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mutmut.stats import status_by_exit_code  # type: ignore[import-not-found]

KILLED = {"killed", "timeout", "caught by type check"}


def package_of(meta: Path, root: Path) -> str:
    parts = meta.relative_to(root).parts
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def wilson(killed: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion ``killed / total`` drawn at random."""
    if not total:
        return 0.0, 1.0
    p = killed / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def main(root: Path, sample: set[str] | None) -> int:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for meta in sorted(root.rglob("*.py.meta")):
        package = package_of(meta, root)
        for mutant, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if sample is not None and mutant not in sample:
                continue
            status = status_by_exit_code[code]
            counts[package][status] += 1
            if status == "survived":
                survivors[package].append(mutant)
    if not counts:
        print(f"no mutants under {root}: run `make mutation` first", file=sys.stderr)
        return 2
    print(
        f"{'package':<18} {'mutants':>8} {'killed':>7} {'survived':>9} {'no tests':>9} "
        f"{'unchecked':>10} {'score':>6} {'of checked':>10} {'95% interval':>14}"
    )
    counts["all"] = sum(counts.values(), Counter())
    for package, count in sorted(counts.items(), key=lambda kv: kv[0] == "all"):
        total = sum(count.values())
        killed = sum(count[s] for s in KILLED)
        checked = total - count["not checked"]
        low, high = wilson(killed, total)
        interval = f"{low:.0%}-{high:.0%}" if sample is not None else "(all)"
        print(
            f"{package:<18} {total:>8} {killed:>7} {count['survived']:>9} "
            f"{count['no tests']:>9} {count['not checked']:>10} {killed / total:>6.1%} "
            f"{killed / checked if checked else 0:>10.1%} {interval:>14}"
        )
    listing = Path("build/mutation-survivors.txt")
    listing.parent.mkdir(exist_ok=True)
    listing.write_text(
        "".join(f"{m}\n" for package in sorted(survivors) for m in survivors[package])
    )
    print(f"surviving mutants: {listing} (`mutmut show NAME` prints one)")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("mutants"))
    parser.add_argument("--sample", type=Path, help="count only the mutants named in this file")
    args = parser.parse_args()
    names = set(args.sample.read_text().split()) if args.sample else None
    sys.exit(main(args.root, names))
