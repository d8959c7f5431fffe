"""Every code block in docs/ is run, or produced by the toolkit, here.

Before/after examples are migrated for real (``migrate apply`` on a
temporary project made of the ``before`` blocks) and each ``after`` block
must be what it wrote; ``--update-golden`` rewrites the ``after`` and
``output`` blocks from the toolkit instead. See ``blocks.py`` for the markers.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import shutil
from collections import defaultdict
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from migrate.cli import main
from migrate.compare.scenario import load_scenarios

from .blocks import Block, read_blocks, replace_block

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md"))
BLOCKS = [block for page in PAGES for block in read_blocks(page)]
KINDS = {"before", "after", "output", "cli", "scenarios", "generated"}

# What migrate writes into a module besides the user's code; an ``after`` block
# leaves them out (they are shown once, in client-lifetime.md and rules.md).
HELPERS = {"_AsyncClientPerLoop", "_gather_in_order", "_TLS_CONTEXT"}


def _examples() -> dict[str, list[Block]]:
    examples: dict[str, list[Block]] = defaultdict(list)
    for block in BLOCKS:
        if block.kind in ("before", "after"):
            examples[block.marker[1]].append(block)
    return dict(examples)


EXAMPLES = _examples()


def test_every_block_says_how_it_is_checked() -> None:
    unchecked = [f"{b.where} ({b.lang or 'no language'})" for b in BLOCKS if b.kind not in KINDS]
    assert not unchecked, "code blocks without a `<!-- docs: ... -->` marker: " + ", ".join(
        unchecked
    )
    generated = {b.page.name for b in BLOCKS if b.kind == "generated"}
    assert generated <= {"cli.md"}, "`generated` blocks belong to pages a generator writes"
    for name, blocks in EXAMPLES.items():
        befores = {b.marker[2] for b in blocks if b.kind == "before"}
        afters = {b.marker[2] for b in blocks if b.kind == "after"}
        assert afters and afters <= befores, f"example {name}: after {afters}, before {befores}"


def _apply_args(blocks: list[Block]) -> list[str]:
    for block in blocks:
        if "--" in block.marker:
            return block.marker[block.marker.index("--") + 1 :]
    return []


def view(before: str, after: str) -> str:
    """The migrated file without migrate's own helpers, and imports only they use."""
    tree = ast.parse(after)
    lines = after.splitlines()
    drop: set[int] = set()

    def names(node: ast.stmt) -> set[str]:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            return {node.name}
        if isinstance(node, ast.Assign):
            return {t.id for t in node.targets if isinstance(t, ast.Name)}
        return set()

    kept: list[ast.stmt] = []
    for node in tree.body:
        if names(node) & HELPERS and not names(node) & _defined(before):
            first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            while first > 1 and lines[first - 2].lstrip().startswith("#"):
                first -= 1
            drop.update(range(first, (node.end_lineno or node.lineno) + 1))
        else:
            kept.append(node)
    used = {
        n.id
        for node in kept
        if not isinstance(node, ast.Import | ast.ImportFrom)
        for n in ast.walk(node)
        if isinstance(n, ast.Name)
    }
    for node in kept:
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound = {(a.asname or a.name).split(".")[0] for a in node.names}
            if not bound & used:
                drop.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    shown = [line for number, line in enumerate(lines, 1) if number not in drop]
    text = re.sub(r"\n{4,}", "\n\n\n", "\n".join(shown)).strip("\n")
    return text + "\n"


def _defined(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {
        n.name
        for n in tree.body
        if isinstance(n, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_is_what_migrate_writes(
    name: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = EXAMPLES[name]
    befores = {b.marker[2]: b.text for b in blocks if b.kind == "before"}
    for rel, text in befores.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["apply", ".", "--force", "--jobs", "1", *_apply_args(blocks)]
    )
    assert result.exit_code == 0, result.output
    update = request.config.getoption("--update-golden")
    for block in (b for b in blocks if b.kind == "after"):
        rel = block.marker[2]
        written = (tmp_path / rel).read_text(encoding="utf-8")
        expected = (
            written
            if "whole" in block.marker or not rel.endswith(".py")
            else view(befores[rel], written)
        )
        if update and block.text != expected:
            replace_block(block, expected)
            continue
        assert block.text == expected, f"{block.where}: migrate writes\n{expected}"


@pytest.mark.parametrize(
    "block", [b for b in BLOCKS if b.kind == "scenarios"], ids=lambda b: b.where
)
def test_scenario_file_loads(block: Block, tmp_path: Path) -> None:
    path = tmp_path / "scenarios.json"
    path.write_text(block.text, encoding="utf-8")
    json.loads(block.text)
    assert load_scenarios(path).scenarios


def _commands(text: str) -> list[list[str]]:
    joined = text.replace("\\\n", " ")
    return [shlex.split(line, comments=True) for line in joined.splitlines() if line.strip()]


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.kind == "cli"], ids=lambda b: b.where)
def test_migrate_command_lines_parse(block: Block) -> None:
    commands = [words for words in _commands(block.text) if words and words[0] == "migrate"]
    assert commands, f"{block.where}: no migrate command in a `cli` block"
    for words in commands:
        command = main.commands[words[1]]
        try:
            command.make_context(words[1], words[2:])
        except click.UsageError as exc:  # pragma: no cover - the assertion says it
            pytest.fail(f"{block.where}: {shlex.join(words)}: {exc}")


@pytest.fixture(scope="module")
def guide_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide's ``src/``: the sample app as a package named ``app``."""
    root = tmp_path_factory.mktemp("guide")
    shutil.copytree(
        REPO / "sample_legacy_app",
        root / "src" / "app",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return root


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.kind == "output"], ids=lambda b: b.where)
def test_output_block_is_what_the_command_prints(
    block: Block,
    guide_project: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = block.marker[1:]
    assert words[0] == "migrate", block.marker
    monkeypatch.chdir(guide_project)
    result = CliRunner().invoke(main, [*words[1:], "--jobs", "1"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    if request.config.getoption("--update-golden") and block.text != result.output:
        replace_block(block, result.output)
        return
    assert block.text == result.output, f"{block.where}: the command prints\n{result.output}"
