"""Concurrency spots: independent awaits that can run together.

Only calls that become awaits are candidates, so this runs after colouring.
Each spot says whether it is safe and why (or why not); the rewrite only
touches the safe ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import NON_IDEMPOTENT
from .decisions import Colouring
from .graph import CallGraph
from .model import Assignment, FanOut, Function, Span


@dataclass(frozen=True)
class Spot:
    """A place where sequential awaits could overlap."""

    function: str
    span: Span
    kind: str  # "sequential-calls", "loop-append", "loop-dict", "comprehension", "map"
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False  # a user-sized fan-out, limited by a semaphore
    names: tuple[str, ...] = ()  # for sequential calls: the names assigned
    lines: tuple[int, ...] = ()


def find_spots(graph: CallGraph, colouring: Colouring, allow_reorder: bool = False) -> list[Spot]:
    spots: list[Spot] = []
    for qualname in colouring.order:
        fn = graph.functions[qualname]
        spots.extend(_sequential(fn, graph, colouring, allow_reorder))
        ordered = _ordered_writes(fn, graph, colouring, allow_reorder)
        if ordered is not None:
            spots.append(ordered)
        for fan_out in fn.fan_outs:
            spot = _fan_out(fn, fan_out, graph, colouring, allow_reorder)
            if spot is not None:
                spots.append(spot)
    return spots


def _async_target(target: str | None, graph: CallGraph, colouring: Colouring) -> str | None:
    resolved = graph.resolve(target)
    if resolved and colouring.is_async(resolved):
        return resolved
    # Made async by an earlier step: awaited (or bridged) all the same.
    if resolved in graph.functions and graph.functions[resolved].is_async:
        return resolved
    return None


def _writes(callee: str, colouring: Colouring) -> set[str]:
    return colouring.http_verbs.get(callee, set()) & NON_IDEMPOTENT


def _sequential(
    fn: Function, graph: CallGraph, colouring: Colouring, allow_reorder: bool
) -> list[Spot]:
    """Runs of consecutive ``x = await f(...)`` statements that don't feed each other."""
    spots: list[Spot] = []
    by_block: dict[int, list[Assignment]] = {}
    for assignment in fn.assignments:
        by_block.setdefault(assignment.block, []).append(assignment)
    for assignments in by_block.values():
        run: list[tuple[Assignment, str]] = []

        def flush(run: list[tuple[Assignment, str]] = run) -> None:
            if len(run) >= 2:
                spots.append(_sequential_spot(fn, run, colouring, allow_reorder))
            run.clear()

        for assignment in sorted(assignments, key=lambda a: a.index):
            callee = _async_target(assignment.call_target, graph, colouring)
            contiguous = bool(run) and assignment.index == run[-1][0].index + 1
            if callee is None or (run and not contiguous):
                flush()
                if callee is None:
                    continue
            if run:
                assigned = {name for a, _ in run for name in a.names}
                used = assignment.reads & assigned
                if used:
                    spots.append(
                        Spot(
                            fn.qualname,
                            assignment.span,
                            "sequential-calls",
                            (run[-1][1], callee),
                            False,
                            f"kept in order: {_short(callee)} needs {', '.join(sorted(used))}"
                            " from the call before it",
                            lines=(run[-1][0].span.line, assignment.span.line),
                        )
                    )
                    flush()
            run.append((assignment, callee))
        flush()
    return spots


def _ordered_writes(
    fn: Function, graph: CallGraph, colouring: Colouring, allow_reorder: bool
) -> Spot | None:
    """Two or more writes in one function keep their order, and the plan says so."""
    writes: list[tuple[str, Span]] = []
    for call in fn.calls:
        callee = _async_target(call.target, graph, colouring)
        if callee and _writes(callee, colouring) and callee not in (c for c, _ in writes):
            writes.append((callee, call.span))
    if len(writes) < 2 or allow_reorder:
        return None
    first, last = writes[0][1], writes[-1][1]
    verbs = " then ".join(
        f"{_short(c)} ({'/'.join(sorted(_writes(c, colouring)))})" for c, _ in writes
    )
    return Spot(
        fn.qualname,
        Span(first.line, first.col, last.end_line, last.end_col),
        "ordered-writes",
        tuple(c for c, _ in writes),
        False,
        f"kept in order: {verbs}; the upstreams observe the order of writes",
        lines=tuple(s.line for _, s in writes),
    )


def _sequential_spot(
    fn: Function, run: list[tuple[Assignment, str]], colouring: Colouring, allow_reorder: bool
) -> Spot:
    calls = tuple(callee for _, callee in run)
    writes = sorted({verb for callee in calls for verb in _writes(callee, colouring)})
    first, last = run[0][0], run[-1][0]
    span = Span(first.span.line, first.span.col, last.span.end_line, last.span.end_col)
    names = tuple(name for a, _ in run for name in a.names)
    lines = tuple(a.span.line for a, _ in run)
    if writes and not allow_reorder:
        return Spot(
            fn.qualname,
            span,
            "sequential-calls",
            calls,
            False,
            f"kept in order: {'/'.join(writes)} requests whose order the upstream may observe"
            " (--allow-reorder to run them together)",
            names=names,
            lines=lines,
        )
    return Spot(
        fn.qualname,
        span,
        "sequential-calls",
        calls,
        True,
        f"{len(calls)} independent calls: latency goes from their sum to the slowest one",
        names=names,
        lines=lines,
    )


def _fan_out(
    fn: Function, fan_out: FanOut, graph: CallGraph, colouring: Colouring, allow_reorder: bool
) -> Spot | None:
    callee = _async_target(fan_out.call_target, graph, colouring)
    if fan_out.kind == "loop":
        # A loop that awaits something but is not a plain fan-out.
        awaits = any(
            _async_target(c.target, graph, colouring)
            for c in fn.calls
            if fan_out.span.line <= c.span.line <= fan_out.span.end_line
        )
        if not awaits:
            return None
        return Spot(
            fn.qualname,
            fan_out.span,
            "loop",
            (),
            False,
            f"kept sequential: {fan_out.refusal}",
            lines=(fan_out.span.line,),
        )
    if callee is None:
        return None
    writes = _writes(callee, colouring)
    refusal = fan_out.refusal
    if refusal is None and writes and not allow_reorder:
        refusal = (
            f"{'/'.join(sorted(writes))} requests whose order the upstream may observe"
            " (--allow-reorder to run them together)"
        )
    if refusal:
        return Spot(
            fn.qualname,
            fan_out.span,
            fan_out.kind,
            (callee,),
            False,
            f"kept sequential: {refusal}",
            lines=(fan_out.span.line,),
        )
    extra = ""
    if fan_out.kind in ("executor-map", "executor-submit"):
        extra = "; the thread pool is no longer needed"
    return Spot(
        fn.qualname,
        fan_out.span,
        fan_out.kind,
        (callee,),
        True,
        f"one {_short(callee)} per item of {fan_out.iter_text}: run together, at most"
        f" --max-concurrency at a time, results in order{extra}",
        bounded=True,
        lines=(fan_out.span.line,),
    )


def _short(qualname: str) -> str:
    return qualname.rsplit(".", 1)[-1]
