"""Before/after pairs per rule: the real pipeline against golden folders.

``pytest tests/rewrite --update-golden`` rewrites ``expected/`` from the
current output; a normal run only compares, byte for byte.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import Case, all_cases, python_files, rewrite

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_matches_golden(case: Case, update_golden: bool) -> None:
    produced, _ = rewrite(case.input, case.options, case.scope)
    if update_golden:
        shutil.rmtree(case.expected, ignore_errors=True)
        for rel, data in produced.items():
            target = case.expected / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    assert case.expected.is_dir(), f"{case.id}: no expected/ (run with --update-golden)"
    expected = python_files(case.expected)
    assert sorted(produced) == sorted(expected)
    for rel, data in expected.items():
        # Text first, for a readable diff; then every byte (BOM, line endings).
        got, want = (b.decode("utf-8", "replace") for b in (produced[rel], data))
        assert got == want, f"{case.id}: {rel} differs"
        assert produced[rel] == data, f"{case.id}: {rel} differs in bytes"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_output_compiles(case: Case) -> None:
    for rel, data in python_files(case.expected).items():
        if rel.endswith(".py"):
            compile(data, rel, "exec", dont_inherit=True)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_output_is_a_fixed_point(case: Case) -> None:
    """Applying the migration to its own output changes nothing."""
    produced, results = rewrite(case.expected, case.options, case.scope)
    changed = [r.path.name for r in results if r.changed]
    assert not changed, f"{case.id}: a second run changes {changed}"
    assert produced == python_files(case.expected)


def test_every_case_has_a_golden_folder() -> None:
    assert CASES
    for case in CASES:
        assert case.expected.is_dir(), case.id


def _unused_imports(folder: Path) -> set[tuple[str, str]]:
    """(file, message) of every import ruff finds unused under ``folder``."""
    ruff = Path(sys.executable).with_name("ruff")
    found = subprocess.run(
        [
            str(ruff),
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "F401",
            "--output-format",
            "json",
            ".",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return {(item["filename"], item["message"]) for item in json.loads(found.stdout)}


# Rewrites known to leave an import unused, and why.
UNUSED_IMPORTS_LEFT = {
    "async-fakes/urlopen-fake-returns-error": (
        "verify.py's `from urllib import request as http` stays for the test that imported"
        " `http` from it, whose patch of it the rewrite moved onto httpx"
    ),
    "http-client/requests-family-session-kept": (
        "client.py's `from requests import Session` stays: a test patches"
        " `client.Session.request` by name, which no import shows"
    ),
}
IMPORT_CASES = [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=UNUSED_IMPORTS_LEFT[c.id]))
    if c.id in UNUSED_IMPORTS_LEFT
    else c
    for c in CASES
]


@pytest.mark.parametrize("case", IMPORT_CASES, ids=[c.id for c in CASES])
def test_the_rewrite_leaves_no_import_unused(case: Case) -> None:
    """What only the rewritten code used goes with it (a user's unused import stays),
    and nothing is imported that the code it wrote does not use."""
    before = {(Path(f).relative_to(case.input), m) for f, m in _unused_imports(case.input)}
    after = {(Path(f).relative_to(case.expected), m) for f, m in _unused_imports(case.expected)}
    assert after <= before, after - before
