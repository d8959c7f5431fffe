"""The annotated examples under tests/examples/ (grammar in their README.md).

Each example file (or package folder) is analysed as a project of its own and
every finding is compared with the comments written on its lines: nothing
missing, nothing extra, for every kind of finding the file is checked for.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from migrate.analyse.catalogue import ENTRIES
from migrate.analyse.decisions import Scope
from migrate.analyse.run import Analysis, analyse_paths
from migrate.plan import Plan, build_plan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

KINDS = ("BLOCKING", "ASYNC", "BRIDGE", "OFFLOAD", "SPOT", "REVIEW", "BOUNDARY")
ALWAYS_CHECKED = frozenset({"BLOCKING", "ASYNC"})
_ANNOTATION = re.compile(r"^(?P<kind>[A-Z]+)(?::\s*(?P<value>.*?))?\s*$")

# (path relative to EXAMPLES, line, value)
Finding = tuple[str, int, str]


@dataclass
class Expectations:
    """What the annotations of one example (a file or a package) say."""

    findings: dict[str, list[Finding]] = field(default_factory=dict)
    checked: dict[str, set[str]] = field(default_factory=dict)  # path -> kinds
    select: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


def parse_annotations(path: Path, into: Expectations) -> None:
    rel = path.relative_to(EXAMPLES).as_posix()
    checked = set(ALWAYS_CHECKED)
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        text = tok.string.lstrip("#").strip()
        whole_line = not tok.line[: tok.start[1]].strip()
        if whole_line:
            header, _, rest = text.partition(":")
            if header == "checks":
                kinds = set(rest.split())
                assert kinds <= set(KINDS), f"{rel}:{tok.start[0]}: unknown kinds {kinds}"
                checked |= kinds
            elif header == "exclude-name":
                into.exclude.extend(rest.split())
            elif header == "select":
                into.select.extend(rest.split())
            continue
        for part in text.split(" # "):
            match = _ANNOTATION.match(part.strip())
            if not match or match["kind"] not in KINDS:
                continue
            kind, value = match["kind"], match["value"] or ""
            assert value, f"{rel}:{tok.start[0]}: {kind} needs a value"
            if kind == "ASYNC":
                verb, _, value = value.partition(" ")
                verbs = ("calls", "wraps", "wrapped-by")
                assert verb in verbs, f"{rel}:{tok.start[0]}: ASYNC calls X"
            into.findings.setdefault(kind, []).append((rel, tok.start[0], value))
            checked.add(kind)
    into.checked[rel] = checked


def expectations_for(root: Path) -> Expectations:
    expected = Expectations()
    files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
    for path in files:
        parse_annotations(path, expected)
    return expected


def _rel(plan_path: str, files: list[str]) -> str:
    """The example file a plan path names (plan paths start at the analysed root's parent)."""
    matches = [f for f in files if f == plan_path or plan_path.endswith("/" + f)]
    assert len(matches) == 1, (plan_path, files)
    return matches[0]


def actual_findings(analysis: Analysis, plan: Plan, files: list[str]) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {kind: [] for kind in KINDS}
    for blocking in plan.blocking_calls:
        found["BLOCKING"].append(
            (_rel(blocking.where.path, files), blocking.where.line, blocking.name)
        )
    for conversion in plan.conversions:
        first = conversion.chain[0].calls if conversion.chain else "?"
        found["ASYNC"].append((_rel(conversion.where.path, files), conversion.where.line, first))
    for bridge in plan.bridges:
        rel = _rel(bridge.where.path, files)
        if bridge.kind == "sync_to_async":
            value = f"sync_to_async thread_sensitive={bridge.thread_sensitive}"
            found["OFFLOAD"].append((rel, bridge.where.line, value))
        else:
            found["BRIDGE"].append((rel, bridge.where.line, bridge.kind))
    for spot in plan.concurrency:
        value = ("gather bounded" if spot.bounded else "gather") if spot.safe else "sequential"
        found["SPOT"].append((_rel(spot.where.path, files), spot.where.line, value))
    for item in plan.needs_review:
        found["REVIEW"].append((_rel(item.where.path, files), item.where.line, item.reason))
    graph = analysis.graph
    for qualname, why in analysis.colouring.boundaries.items():
        fn = graph.functions[qualname]
        if fn.name == "<module>":
            continue  # every module has one; nothing to say about it
        path = Path(graph.project.facts[fn.module].path).resolve().relative_to(EXAMPLES)
        found["BOUNDARY"].append((path.as_posix(), fn.span.line, why))
    return found


def _matches(kind: str, expected: str, actual: str) -> bool:
    if kind == "REVIEW":
        return expected in actual
    return expected == actual


def compare(kind: str, expected: list[Finding], actual: list[Finding]) -> list[str]:
    """Differences as readable lines; REVIEW values match by substring, others exactly."""
    problems: list[str] = []
    remaining = list(actual)
    for exp in sorted(expected):
        hit = next(
            (a for a in remaining if a[:2] == exp[:2] and _matches(kind, exp[2], a[2])),
            None,
        )
        if hit is None:
            problems.append(f"missing {kind} at {exp[0]}:{exp[1]}: {exp[2]}")
        else:
            remaining.remove(hit)
    problems.extend(f"extra {kind} at {a[0]}:{a[1]}: {a[2]}" for a in sorted(remaining))
    return problems


def _example_roots() -> list[Path]:
    roots = [p for p in sorted(EXAMPLES.glob("*.py"))]
    roots += [p for p in sorted(EXAMPLES.iterdir()) if (p / "__init__.py").is_file()]
    return roots


EXAMPLE_ROOTS = _example_roots()


@pytest.mark.parametrize("root", [pytest.param(root, id=root.name) for root in EXAMPLE_ROOTS])
def test_findings_match_annotations(root: Path) -> None:
    expected = expectations_for(root)
    scope = Scope(select=tuple(expected.select), exclude=tuple(expected.exclude))
    analysis = analyse_paths([root], scope=scope, jobs=1)
    plan = build_plan(analysis)
    assert not plan.failures
    files = sorted(expected.checked)
    actual = actual_findings(analysis, plan, files)
    problems: list[str] = []
    for kind in KINDS:
        wanted = expected.findings.get(kind, [])
        got = [f for f in actual[kind] if kind in expected.checked[f[0]]]
        problems += compare(kind, wanted, got)
    assert not problems, "\n".join(problems)


def test_examples_exist() -> None:
    names = {root.name for root in EXAMPLE_ROOTS}
    assert {"catalogue_http.py", "catalogue_bridged.py", "aliases.py", "shop"} <= names


def test_every_catalogue_entry_has_a_blocking_example() -> None:
    annotated: Counter[str] = Counter()
    for root in EXAMPLE_ROOTS:
        for _, _, name in expectations_for(root).findings.get("BLOCKING", []):
            annotated[name] += 1
    missing = sorted(entry.name for entry in ENTRIES if not annotated[entry.name])
    assert not missing, f"catalogue entries without a BLOCKING example: {missing}"
    unknown = sorted(set(annotated) - {entry.name for entry in ENTRIES})
    assert not unknown, f"BLOCKING annotations naming no catalogue entry: {unknown}"


def test_every_boundary_kind_has_an_example() -> None:
    whys = {
        value
        for root in EXAMPLE_ROOTS
        for _, _, value in expectations_for(root).findings.get("BOUNDARY", [])
    }
    for why in ("dunder", "click-command", "__main__", "memoised", "excluded"):
        assert why in whys
    for kind in ("property", "generator consumed", "context manager"):
        assert any(w.startswith(kind) for w in whys), kind


def test_compare_reports_missing_and_extra() -> None:
    """The comparison itself can fail: a wrong line and an extra finding are both caught."""
    expected = [("a.py", 3, "requests.get")]
    actual = [("a.py", 4, "requests.get"), ("a.py", 9, "time.sleep")]
    assert compare("BLOCKING", expected, actual) == [
        "missing BLOCKING at a.py:3: requests.get",
        "extra BLOCKING at a.py:4: requests.get",
        "extra BLOCKING at a.py:9: time.sleep",
    ]
    assert compare("REVIEW", [("a.py", 1, "memoised")], [("a.py", 1, "memoised with x")]) == []
