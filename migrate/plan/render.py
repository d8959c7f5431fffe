"""The plan as a terminal report (rich).

Laid out for an 80-column terminal: one entry per item, its name and place
on the first lines and its reason below, wrapped under it. Names are shown
whole (the names ``--select`` accepts) and so are paths; nothing is cut
with an ellipsis. Long sections show their first ``LIMIT`` items and a
count of the rest, unless ``verbose``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.console import Console
from rich.text import Text

from .model import BridgeSite, ConcurrencySpot, Conversion, Plan, ReviewItem, StepItem

# Items shown per section without --verbose: enough to see the shape of the
# work, few enough that a 20k-line file doesn't scroll the summary away.
LIMIT = 15
MARKER = 4  # width of the column that holds an item's number

T = TypeVar("T")


def render_plan(
    plan: Plan, console: Console, *, verbose: bool = False, steps_only: bool = False
) -> None:
    """Print the summary, then one section per kind of change.

    ``steps_only`` (``migrate plan --steps``) prints the summary and the
    steps; ``verbose`` prints every item of every section.
    """
    s = plan.summary
    _para(
        console,
        f"migrate plan {' '.join(plan.roots)}: {s['files']} files, {s['files_analysed']}"
        f" analysed, {s['files_to_change']} to change; {s['functions_to_convert']} functions"
        f" become async, {s['bridges']} bridges, {s['concurrency_spots']} concurrency spots"
        f" ({s['kept_sequential']} kept sequential), {s['needs_review']} need review,"
        f" {s['failures']} files skipped",
        indent=0,
        style="bold",
    )
    limit = None if verbose else LIMIT
    if not steps_only:
        title = "Functions that become async (callees first)"
        _section(console, title, plan.conversions, limit, _conversion, lambda c: c.function)
        title = "Bridges (sync and async meet here)"
        _section(console, title, plan.bridges, limit, _bridge, lambda b: b.function)
        _section(console, "Concurrency", plan.concurrency, limit, _spot, lambda s: s.function)
        title = "Needs review (not rewritten)"
        _section(console, title, plan.needs_review, limit, _review, lambda r: r.function)
    title = "Steps (each keeps the app runnable)"
    _section(console, title, plan.steps, limit, _step, lambda s: s.modules[0])
    if steps_only and not verbose and plan.steps:
        command = f"migrate plan {' '.join(plan.roots)} --steps --verbose"
        console.print(f"\nThe whole plan and the steps: {command}", soft_wrap=True, markup=False)

    for failure in plan.failures:
        # One line per file, however narrow the terminal: easy to grep.
        console.print(
            f"[red]skipped[/] {failure.path}: {failure.reason}", soft_wrap=True, highlight=False
        )


def _section(
    console: Console,
    title: str,
    items: Sequence[T],
    limit: int | None,
    show: Callable[[Console, int, T], None],
    name: Callable[[T], str],
) -> None:
    if not items:
        return
    console.print()
    console.print(Text(f"{title}: {len(items)}", style="bold underline"))
    shown = items if limit is None else items[:limit]
    for number, item in enumerate(shown, 1):
        show(console, number, item)
    rest = items[len(shown) :]
    if rest:
        modules = sorted({_module_of(name(item)) for item in rest})
        where = ", ".join(modules[:3])
        if len(modules) > 3:
            where += f" and {len(modules) - 3} more"
        _para(console, f"and {len(rest)} more in {where} (--verbose lists them all)")


def _module_of(qualname: str) -> str:
    # Good enough for a summary line: the plan's names are module.function[.inner].
    return qualname.rsplit(".", 1)[0] if "." in qualname else qualname


def _para(console: Console, text: str, indent: int = 2, style: str = "") -> None:
    _wrapped(console, text, " " * indent, " " * indent, style)


def _wrapped(console: Console, text: str, first: str, rest: str, style: str = "") -> None:
    # Lines break at spaces only: a path or a name is never cut, and never
    # shortened with an ellipsis (one wider than the terminal overflows whole).
    lines = textwrap.wrap(
        text,
        width=max(console.width, 40),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    for line in lines:
        console.print(Text(line, style=style), soft_wrap=True)


def _entry(
    console: Console, marker: str, name: str, tag: str, body: Sequence[str | tuple[str, int]]
) -> None:
    """One item: ``marker name  tag``, and its body lines below the name."""
    pad = " " * (MARKER + 1)
    _wrapped(console, f"{marker:>{MARKER}} {name}" + (f"  [{tag}]" if tag else ""), "", pad)
    for line in body:
        text, extra = (line, 0) if isinstance(line, str) else line
        _wrapped(console, text, pad + " " * extra, pad + " " * (extra + 2))


def _conversion(console: Console, number: int, conv: Conversion) -> None:
    # "async because it calls a (p:1), which calls b (p:2)": one link a line.
    first, *rest = conv.reason.split(", which ")
    body: list[str | tuple[str, int]] = [f"at {conv.where.path}:{conv.where.line}", first]
    body += [("which " + link, 2) for link in rest]
    _entry(console, f"{number}.", conv.function, conv.kind, body)


def _bridge(console: Console, _: int, bridge: BridgeSite) -> None:
    kind: str = bridge.kind
    if bridge.kind == "sync_to_async":
        kind += f"(thread_sensitive={bridge.thread_sensitive})"
    where = f"{bridge.where.path}:{bridge.where.line}"
    body = [f"in {bridge.function}", f"calls {bridge.callee}", bridge.why]
    _entry(console, "-", where, kind, body)


def _spot(console: Console, _: int, spot: ConcurrencySpot) -> None:
    verdict = "gather" if spot.safe else "kept sequential"
    body = [f"in {spot.function}", f"calls {', '.join(spot.calls)}", spot.reason]
    if spot.expected_gain:
        body.append(f"expected gain: {spot.expected_gain}")
    _entry(console, "-", f"{spot.where.path}:{spot.where.line}", verdict, body)


def _review(console: Console, _: int, item: ReviewItem) -> None:
    where = f"{item.where.path}:{item.where.line}"
    _entry(console, "-", where, "", [f"in {item.function}", item.reason])


def _step(console: Console, _: int, step: StepItem) -> None:
    count = len(step.functions)
    tag = f"{count} function{'s' if count != 1 else ''}"
    _entry(console, f"{step.number}.", ", ".join(step.modules), tag, [step.why])
    # A command is copied whole: the terminal may wrap it, rich must not.
    console.print(" " * (MARKER + 1) + step.command, soft_wrap=True, markup=False)
