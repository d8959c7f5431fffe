"""Every code block in docs/ is run, or produced by the toolkit, here.

Before/after examples are migrated for real (``migrate apply`` on a
temporary project made of the ``before`` blocks) and each ``after`` block
must be the file it wrote (a file migrate creates, like the helpers module,
may have an ``after`` block of its own); ``--update-golden`` rewrites the ``after`` and
``output`` blocks from the toolkit instead. See ``blocks.py`` for the markers.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
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
KINDS = {"before", "after", "output", "cli", "shell", "scenarios", "generated"}


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
        kinds = {b.kind for b in blocks}
        assert kinds == {"before", "after"}, f"example {name} needs a before and an after"


def _apply_args(blocks: list[Block]) -> list[str]:
    for block in blocks:
        if "--" in block.marker:
            return block.marker[block.marker.index("--") + 1 :]
    return []


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
        expected = (tmp_path / block.marker[2]).read_text(encoding="utf-8")
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


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.kind == "shell"], ids=lambda b: b.where)
def test_shell_block_runs(block: Block, tmp_path: Path) -> None:
    # Run from a copy of what the commands read; /tmp/... becomes a fresh folder.
    script = re.sub(r"/tmp/(\w+)", lambda m: str(tmp_path / m[1]), block.text)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "docs",
        "GIT_AUTHOR_EMAIL": "docs@example.com",
        "GIT_COMMITTER_NAME": "docs",
        "GIT_COMMITTER_EMAIL": "docs@example.com",
    }
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, f"{block.where}: {proc.stderr}"
    touched = {m for m in re.findall(r"/tmp/(\w+)", block.text)}
    assert all((tmp_path / name).exists() for name in touched)


# Commands the docs may show besides migrate itself (installing, testing, git).
KNOWN_TOOLS = {"pipx", "uv", "pip", "git", "make", "pytest", "cd", "cp", "mkdir", "grep", "python"}


def _commands(text: str) -> list[list[str]]:
    """Each command of a shell block as words, without ``VAR=value`` prefixes."""
    joined = text.replace("\\\n", " ")
    commands = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        while words and re.match(r"^[A-Z_]+=", words[0]):
            words = words[1:]
        if words:
            words[0] = words[0].removeprefix(".venv/bin/")
            commands.append(words)
    return commands


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.kind == "cli"], ids=lambda b: b.where)
def test_command_lines_parse(block: Block) -> None:
    commands = _commands(block.text)
    assert commands, f"{block.where}: an empty `cli` block"
    targets = set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(), re.MULTILINE))
    for words in commands:
        if words[0] == "make":
            assert set(words[1:]) <= targets, f"{block.where}: {shlex.join(words)}"
            continue
        if words[0] != "migrate":
            assert words[0] in KNOWN_TOOLS, f"{block.where}: unknown command {words[0]}"
            continue
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
