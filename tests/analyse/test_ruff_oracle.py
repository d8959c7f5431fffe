"""ruff's ASYNC rules as an independent oracle for the blocking calls we find.

ruff only flags blocking calls inside ``async def``, so the code is copied
with every ``def`` turned into ``async def`` first. Then, for the rule codes
both tools know, every (file, line, code) ruff reports must be a blocking call
in ``migrate plan --json``, and the other way round, except for the
differences listed in ``KNOWN_DIFFERENCES`` below, each with its reason.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrate.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "examples"

# flake8-async families both tools implement (ruff has no ASYNC200/211/231/232;
# our socket and sqlite3 entries have no rule code at all).
SHARED_CODES = frozenset(
    {"ASYNC210", "ASYNC212", "ASYNC220", "ASYNC221", "ASYNC222", "ASYNC230", "ASYNC250", "ASYNC251"}
)

_ON_ATTRIBUTE = re.compile(r"\b(?:self|cls)\.\w+\.\w+\(")


def _known_difference(name: str, source_line: str) -> str | None:
    """Why ruff legitimately misses a blocking call that we report, or None.

    Every entry is a limit of ruff's single-file, binding-based resolution,
    not a disagreement about what blocks.
    """
    if name.startswith("requests.Session."):
        # ruff has no type inference for requests sessions: a module-global
        # ``session = requests.Session()`` (the sample app's shape) or
        # ``requests.Session().get`` is invisible to ASYNC210; we track the
        # object through CONSTRUCTORS.
        return "requests.Session methods"
    if name == "httpx.stream":
        # ruff's ASYNC210 list has httpx's verb functions but not httpx.stream.
        return "httpx.stream"
    objects = ("urllib3.PoolManager.", "urllib3.HTTPConnectionPool.", "http.client.")
    if name.startswith((*objects, "urllib.request.OpenerDirector.")):
        # Methods of an object (a urllib3 pool, an http.client connection, urllib's
        # opener): ruff's ASYNC210 names urllib3.request and urlopen but follows no
        # object to its methods.
        return "a pool's or connection's methods"
    if name == "tenacity.Retrying":
        # Its loop sleeps with time.sleep inside tenacity, where ruff does not look.
        return "tenacity's retrying loop"
    if name.startswith("httpx.Client.") and _ON_ATTRIBUTE.search(source_line):
        # ASYNC212 follows name bindings (locals, globals, ``with ... as c``)
        # but not attributes: ``self.client = httpx.Client()`` then
        # ``self.client.get`` is only seen by us.
        return "httpx.Client held in an attribute"
    return None


def find_ruff() -> str:
    beside = Path(sys.executable).with_name("ruff")
    found = shutil.which("ruff") or (str(beside) if beside.exists() else None)
    if found is None:
        pytest.skip("ruff is not installed")
    return found


def make_everything_async(source: str) -> str:
    """``def`` -> ``async def`` for every function (lambdas and classes untouched)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    defs = sorted(
        (
            (node.lineno, node.col_offset)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
        ),
        reverse=True,
    )
    for lineno, col in defs:
        raw = lines[lineno - 1].encode()
        assert raw[col : col + 4] == b"def ", lines[lineno - 1]
        lines[lineno - 1] = (raw[:col] + b"async " + raw[col:]).decode()
    result = "".join(lines)
    # Still parses (``yield from`` in an async function is a compile-time error only,
    # and ruff lints it all the same).
    tree = ast.parse(result)
    assert not any(isinstance(n, ast.FunctionDef) for n in ast.walk(tree))
    return result


def test_make_everything_async() -> None:
    source = (
        "@deco\ndef f():\n    def g(): return lambda: 1\n    return g\n\n"
        "class A:\n    def m(self): ...\n"
    )
    assert make_everything_async(source) == (
        "@deco\nasync def f():\n    async def g(): return lambda: 1\n    return g\n\n"
        "class A:\n    async def m(self): ...\n"
    )


def ruff_findings(root: Path, tmp_path: Path) -> Counter[tuple[str, int, str]]:
    copy = tmp_path / root.name
    if root.is_dir():
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__"))
        files = sorted(copy.rglob("*.py"))
    else:
        shutil.copy(root, copy)
        files = [copy]
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(make_everything_async(text), encoding="utf-8")
    proc = subprocess.run(
        [
            find_ruff(),
            "check",
            "--select",
            "ASYNC",
            "--preview",
            "--output-format",
            "json",
            "--no-cache",
            "--isolated",
            "--exit-zero",
            str(copy),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found: Counter[tuple[str, int, str]] = Counter()
    for item in json.loads(proc.stdout):
        if item.get("code") in SHARED_CODES:
            rel = Path(item["filename"]).resolve().relative_to(tmp_path.resolve()).as_posix()
            found[(rel, item["location"]["row"], item["code"])] += 1
    return found


def migrate_findings(root: Path) -> tuple[Counter[tuple[str, int, str]], list[tuple[str, str]]]:
    """Blocking calls from ``migrate plan --json``; plus the known differences seen."""
    result = CliRunner().invoke(main, ["plan", str(root), "--json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert plan["failures"] == []
    found: Counter[tuple[str, int, str]] = Counter()
    known: list[tuple[str, str]] = []
    for call in plan["blocking_calls"]:
        if call["code"] not in SHARED_CODES:
            continue
        where = call["where"]
        rel = _rel_to(root, where["path"])
        line_text = _source_line(root, rel, where["line"])
        why = _known_difference(call["name"], line_text)
        if why:
            known.append((f"{rel}:{where['line']}", why))
            continue
        found[(rel, where["line"], call["code"])] += 1
    return found, known


def _rel_to(root: Path, plan_path: str) -> str:
    """A plan path (which starts with the root's own name) relative to the root's parent."""
    parts = Path(plan_path).parts
    index = parts.index(root.name)
    return Path(*parts[index:]).as_posix()


def _source_line(root: Path, rel: str, line: int) -> str:
    path = root.parent / rel
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


ROOTS = [
    pytest.param(REPO / "sample_legacy_app", id="sample_legacy_app"),
    *[pytest.param(p, id=p.name) for p in sorted(EXAMPLES.glob("*.py"))],
    *[
        pytest.param(p, id=p.name)
        for p in sorted(EXAMPLES.iterdir())
        if (p / "__init__.py").is_file()
    ],
]


@pytest.mark.parametrize("root", ROOTS)
def test_ruff_and_migrate_agree_on_blocking_calls(root: Path, tmp_path: Path) -> None:
    ours, known = migrate_findings(root)
    theirs = ruff_findings(root, tmp_path)
    only_ruff = sorted((theirs - ours).elements())
    only_ours = sorted((ours - theirs).elements())
    assert not only_ruff, f"ruff finds blocking calls migrate misses: {only_ruff}"
    assert not only_ours, f"migrate reports blocking calls ruff does not (unexplained): {only_ours}"
    # The known differences must stay real: ruff must indeed miss each of them.
    for place, why in known:
        rel, line = place.rsplit(":", 1)
        assert not any(k[:2] == (rel, int(line)) for k in theirs), (place, why)
    if root.name == "sample_legacy_app":
        # The sample's shape: a module-global Session everywhere, ruff sees only requests.get.
        assert {why for _, why in known} == {"requests.Session methods"}
        assert sum(ours.values()) >= 3  # requests.get in search, and the two time.sleep calls
