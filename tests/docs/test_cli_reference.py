"""docs/cli.md is the ``migrate`` command's own help, page for page.

Generated from the click command tree, so a new command or option shows up
here or fails this test; ``pytest --update-golden`` rewrites the page.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from migrate.cli import main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
WIDTH = 80


def _help(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = command.context_class(
        command,
        info_name=name,
        parent=parent,
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        **command.context_settings,
    )
    return command.get_help(ctx)


def cli_reference() -> str:
    """The whole page, from ``migrate --help`` and each command's ``--help``."""
    root = main.context_class(main, info_name="migrate", **main.context_settings)
    parts = [
        "# Command-line reference",
        "",
        "Every command's `--help`, generated from the command itself by",
        "`tests/docs/test_cli_reference.py` (a test fails when this page is stale;",
        "`pytest tests/docs --update-golden` rewrites it).",
        "",
        "## migrate",
        "",
        "<!-- docs: generated -->",
        "```text",
        _help(main, "migrate", None),
        "```",
    ]
    for name in main.list_commands(root):
        command = main.commands[name]
        parts += [
            "",
            f"## migrate {name}",
            "",
            "<!-- docs: generated -->",
            "```text",
            _help(command, name, root),
            "```",
        ]
    return "\n".join(parts) + "\n"


def test_cli_reference_is_current(request: pytest.FixtureRequest) -> None:
    expected = cli_reference()
    if request.config.getoption("--update-golden"):
        PAGE.write_text(expected, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == expected, "stale: pytest --update-golden"
    for name in main.commands:
        assert f"## migrate {name}\n" in expected
