"""Every requests -> httpx difference (REFERENCE.md section 4) names what checks it.

docs/rules.md keeps a table of the eleven differences: how MIG001 carries
each, and the golden cases (run before and after against loopback servers)
and tests that exercise it. A row naming a case or a test that does not
exist, or a case nothing runs, fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "docs" / "rules.md"
CASES = ROOT / "tests" / "rewrite" / "cases"
HEADING = "### Every requests -> httpx difference, and what checks it"
REFERENCE = re.compile(r"`(case|test):([^`]+)`")


def _rows() -> dict[int, list[tuple[str, str]]]:
    text = RULES.read_text("utf-8")
    section = text[text.index(HEADING) :].split("\n## ", 1)[0]
    rows: dict[int, list[tuple[str, str]]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows[int(cells[0])] = REFERENCE.findall(cells[3])
    return rows


def _case_is_run(name: str) -> bool:
    folder = CASES / name
    driver = folder / "driver.py"
    driven = driver.exists() and "def drive(" in driver.read_text("utf-8")
    tested = any(p.name.startswith("test_") for p in (folder / "input").rglob("*.py"))
    return (folder / "expected").is_dir() and (driven or tested)


def _test_exists(reference: str) -> bool:
    path, _, name = reference.partition("::")
    file = ROOT / path
    if not file.exists():
        return False
    tree = ast.parse(file.read_text("utf-8"))
    return any(isinstance(n, ast.FunctionDef) and n.name == name for n in tree.body)


def test_every_difference_has_a_row_that_names_a_check() -> None:
    rows = _rows()
    assert sorted(rows) == list(range(1, 12))
    assert all(rows.values()), [n for n, refs in rows.items() if not refs]


def test_every_named_case_runs_and_every_named_test_exists() -> None:
    missing = [
        f"{kind}:{name}"
        for refs in _rows().values()
        for kind, name in refs
        if not (_case_is_run(name) if kind == "case" else _test_exists(name))
    ]
    assert not missing
