"""The plan as a terminal report (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Plan


def _short(qualname: str, keep: int = 2) -> str:
    parts = qualname.split(".")
    return ".".join(parts[-keep:])


def render_plan(plan: Plan, console: Console) -> None:
    """Print the summary, then one table per kind of change."""
    s = plan.summary
    console.print(
        f"[bold]migrate plan[/] {' '.join(plan.roots)}: "
        f"{s['files']} files, {s['files_analysed']} analysed, {s['files_to_change']} to change"
    )
    console.print(
        f"  {s['functions_to_convert']} functions become async, {s['bridges']} bridges, "
        f"{s['concurrency_spots']} concurrency spots ({s['kept_sequential']} kept sequential), "
        f"{s['needs_review']} need review, {s['failures']} files failed"
    )

    if plan.conversions:
        table = Table(title="Functions that become async (callees first)", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("function")
        table.add_column("where")
        table.add_column("kind")
        table.add_column("why")
        for index, conv in enumerate(plan.conversions, 1):
            table.add_row(
                str(index),
                _short(conv.function),
                f"{conv.where.path}:{conv.where.line}",
                conv.kind,
                conv.reason,
            )
        console.print(table)

    if plan.bridges:
        table = Table(title="Bridges (sync and async meet here)", title_justify="left")
        for column in ("where", "in", "calls", "bridge", "why"):
            table.add_column(column)
        for bridge in plan.bridges:
            kind = bridge.kind
            if bridge.kind == "sync_to_async":
                kind += f" (thread_sensitive={bridge.thread_sensitive})"
            table.add_row(
                f"{bridge.where.path}:{bridge.where.line}",
                _short(bridge.function),
                _short(bridge.callee),
                kind,
                bridge.why,
            )
        console.print(table)

    if plan.concurrency:
        table = Table(title="Concurrency", title_justify="left")
        for column in ("where", "in", "calls", "", "why", "expected gain"):
            table.add_column(column)
        for spot in plan.concurrency:
            table.add_row(
                f"{spot.where.path}:{spot.where.line}",
                _short(spot.function),
                ", ".join(_short(c, 1) for c in spot.calls),
                "[green]gather[/]" if spot.safe else "[yellow]sequential[/]",
                spot.reason,
                spot.expected_gain,
            )
        console.print(table)

    if plan.needs_review:
        table = Table(title="Needs review (not rewritten)", title_justify="left")
        for column in ("where", "in", "why"):
            table.add_column(column)
        for item in plan.needs_review:
            table.add_row(
                f"{item.where.path}:{item.where.line}", _short(item.function), item.reason
            )
        console.print(table)

    if plan.steps:
        table = Table(title="Steps (each keeps the app runnable)", title_justify="left")
        for column in ("#", "migrate", "functions", "why", "command"):
            table.add_column(column)
        for step in plan.steps:
            table.add_row(
                str(step.number),
                ", ".join(step.modules),
                str(len(step.functions)),
                step.why,
                step.command,
            )
        console.print(table)

    for failure in plan.failures:
        # One line per file, however narrow the terminal: easy to grep.
        console.print(f"[red]skipped[/] {failure.path}: {failure.reason}", soft_wrap=True)
