"""What ``migrate apply`` shows: the diff of each changed file and the summary table."""

from __future__ import annotations

import difflib
from pathlib import Path

from rich.console import Console
from rich.syntax import Syntax
from rich.table import Table

from .apply import ApplyReport
from .rewrite.engine import FileResult
from .verify.checks import source_encoding


def unified_diff(result: FileResult, root: Path | None = None) -> str:
    path = result.path
    shown = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)
    old = result.old.decode(source_encoding(result.old)).splitlines(keepends=True)
    new = (result.new or b"").decode(source_encoding(result.new or b"")).splitlines(keepends=True)
    # An absolute path must not read as "a//tmp/...".
    shown = shown.lstrip("/")
    return "".join(difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"))


def print_diff(report: ApplyReport, console: Console) -> None:
    root = Path.cwd()
    for result in report.changed:
        text = unified_diff(result, root)
        if console.is_terminal:
            console.print(Syntax(text, "diff", theme="ansi_dark", background_color="default"))
        else:
            console.out(text, end="", highlight=False)


def print_summary(report: ApplyReport, console: Console, wrote: bool) -> None:
    table = Table(title="migrate apply", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    verb = "changed" if wrote else "to change"
    table.add_row(f"files {verb}", str(len(report.changed)))
    table.add_row("functions made async", str(report.count("MIG003")))
    table.add_row("HTTP calls moved to httpx", str(report.count("MIG001") + report.count("MIG012")))
    table.add_row("sleeps", str(report.count("MIG002")))
    table.add_row("bridges", str(report.count("MIG004")))
    table.add_row("gathers", str(report.count("MIG005")))
    table.add_row("TODO comments", str(report.todos))
    table.add_row("files skipped (unreadable)", str(len(report.read_failures)))
    table.add_row("files failed (left untouched)", str(len(report.failed)))
    console.print(table)
    for result in report.with_todos:
        for note in result.notes:
            if note.todo:
                console.print(
                    f"  TODO {result.path}:{note.line}: {note.code}: {note.message}",
                    soft_wrap=True,
                )
                if note.detail:
                    console.print(f"    {note.detail}", soft_wrap=True, highlight=False)
    for failure in report.read_failures:
        console.print(f"[red]skipped[/] {failure}", soft_wrap=True)
    for result in report.failed:
        console.print(f"[red]failed[/] {result.path}: {result.error}", soft_wrap=True)
