"""Concurrency spots: independent awaits that can run together.

Only calls that become awaits are candidates, so this runs after colouring:
it tells :mod:`migrate.analyse.gathers` which calls of each async function
are awaited, and that module finds the shapes (on a fresh stdlib ``ast`` of
the files concerned). Each spot says whether it is safe and why (or why
not); a safe spot carries the edit the rewrite carries out.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace

from . import methods
from .awaited import awaited_calls
from .catalogue import NON_IDEMPOTENT
from .decisions import Colouring
from .gathers import FunctionFanOuts, GatherEdit
from .gathers.futures import result_renames
from .gathers.model import pooled_limit, span_of
from .gathers.pools import idle_pools
from .gathers.threads import thread_edit
from .graph import CallGraph
from .handoffs import within
from .lazy_maps import (
    consumer_of,
    lazy_map_reason,
    loop_over,
    only_next,
    stops_early,
    taken_one_at_a_time,
)
from .model import FanOut, Function, Span, SpotKind
from .pacing import Pacing
from .project import function_node
from .quiet_calls import quiet_calls
from .read_calls import as_calls, async_iterated, property_fetches


@dataclass(frozen=True)
class Spot:
    """A place where sequential awaits could overlap."""

    function: str
    span: Span
    kind: SpotKind
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False  # a user-sized fan-out, limited by a semaphore
    lines: tuple[int, ...] = ()
    edit: GatherEdit | None = None  # what the rewrite does here (safe spots)
    pool: Span | None = None  # a thread pool's ``with`` (or assignment) that goes with this fan-out
    # ... and the statements shutting that pool down (``pool.shutdown()``), which go too.
    pool_closing: tuple[Span, ...] = ()
    items: int | None = None  # how many calls, when the source shows it
    # The legacy thread pool's max_workers: the gather never runs more at once.
    workers: int | None = None
    # ... or, known at run time only, its source: the gather's limit reads it again.
    pool_size: str = ""
    # A map whose results are taken one at a time (``it = pool.map(...)``, ``next(it)``):
    # the gather hands them over as an iterator, each raising its failure when taken.
    lazy: bool = False
    # Names that now hold results (``futures`` of a thread pool -> ``users``), by position.
    renames: tuple[tuple[Span, str], ...] = ()


# Builtins that may take only the first results of a map handed to them: the legacy
# map made no call for the others, so it is not gathered.
STOPPING_CONSUMERS = frozenset({"next", "iter", "zip", "islice", "takewhile", "any", "all"})
# Thread-pool and map fan-outs are still read from the per-module facts.
FACT_KINDS = ("map", "executor-map", "executor-submit", "executor-completed", "thread-workers")


def find_spots(graph: CallGraph, colouring: Colouring, allow_reorder: bool = False) -> list[Spot]:
    """Every place where awaits could overlap, safe or not, in callees-first order."""
    spots: list[Spot] = []
    trees: dict[str, ast.Module] = {}
    pacing = Pacing(graph, colouring)
    for qualname in _async_functions(graph, colouring):
        fn = graph.functions[qualname]
        fan_outs = _fan_outs(fn, graph, colouring, allow_reorder, trees, pacing)
        spots.extend(_without_idle_pools(fn, graph, fan_outs, trees))
        ordered = _ordered_writes(fn, graph, colouring, allow_reorder)
        if ordered is not None:
            spots.append(ordered)
        pooled = []
        # Futures submitted in a pool read through as_completed belong to that
        # pool's tasks: gathering them first would hand as_completed results.
        completed = [f.span for f in fn.fan_outs if f.kind == "executor-completed"]
        for fan_out in fn.fan_outs:
            if fan_out.kind not in FACT_KINDS or not colouring.is_async(qualname):
                continue
            if fan_out.kind == "executor-submit" and any(
                within(fan_out.span, pool) for pool in completed
            ):
                continue
            spot = _fan_out(fn, fan_out, graph, colouring, allow_reorder, trees)
            if spot is not None and spot.kind == "thread-workers":
                node = function_node(fn, graph.project, trees)
                edit = thread_edit(node, spot.span) if node is not None else None
                spot = replace(spot, edit=edit) if edit is not None else None
            if spot is not None:
                pooled.append(spot)
        spots.extend(_without_idle_pools(fn, graph, pooled, trees))
    for fn in graph.functions.values():
        if colouring.is_async(fn.qualname):
            continue
        for fan_out in fn.fan_outs:
            # A pool kept for its futures (or its one thread) around calls that
            # became async (bridged).
            if fan_out.kind.startswith("executor") and fan_out.refusal:
                spot = _fan_out(fn, fan_out, graph, colouring, allow_reorder)
                spots.extend([spot] if spot is not None else [])
    return spots


def _without_idle_pools(
    fn: Function, graph: CallGraph, spots: list[Spot], trees: dict[str, ast.Module]
) -> list[Spot]:
    """Thread-pool fan-outs that become gathers take their pool's ``with`` along."""
    safe = [s.span for s in spots if s.safe and (s.kind.startswith("executor") or s.edit)]
    node = function_node(fn, graph.project, trees) if safe else None
    if node is None:
        return spots
    pools = idle_pools(node, safe)
    spots = [
        replace(s, pool=pools[s.span][0], pool_closing=pools[s.span][1:]) if s.span in pools else s
        for s in spots
    ]
    return [
        replace(s, renames=result_renames(node, s.span))
        if s.safe and s.kind == "executor-submit"
        else s
        for s in spots
    ]


def _async_functions(graph: CallGraph, colouring: Colouring) -> list[str]:
    order = list(colouring.order)
    seen = set(order)
    order += [q for q, f in graph.functions.items() if f.is_async and q not in seen]
    return order


def _fan_outs(
    fn: Function,
    graph: CallGraph,
    colouring: Colouring,
    allow_reorder: bool,
    trees: dict[str, ast.Module],
    pacing: Pacing,
) -> list[Spot]:
    if fn.framework == "pytest-test":
        # A test states what happens in turn: run together, its calls would check
        # something else (a cache hit, answers given in order, a call count).
        return []
    awaited = awaited_calls(fn, graph, colouring, pacing)
    reads = property_fetches(fn, graph, colouring, pacing)
    awaited.update(reads)
    if not awaited or fn.name in ("<module>", "<main>"):
        return []
    node = function_node(fn, graph.project, trees)
    loaded = graph.project.files.get(fn.module)
    if node is None or loaded is None:
        return []
    as_calls(node, set(reads))
    tree = trees[fn.module]
    lines: list[str] | None = getattr(tree, "_migrate_lines", None)
    if lines is None:  # split once per module: a file of thousands of functions
        lines = tree._migrate_lines = loaded.source.text.splitlines()  # type: ignore[attr-defined]
    scan = FunctionFanOuts(node, awaited, lines, allow_reorder, module=tree)
    scan.async_iterated = async_iterated(fn, graph, colouring)
    scan.quiet_calls = quiet_calls(fn, graph, trees, {})
    targets = {call.span: graph.callee_of(call) for call in fn.calls}

    def globals_read(call: ast.Call) -> tuple[str, ...]:
        callee = targets.get(span_of(call))
        return pacing.reads_globals(callee) if callee is not None else ()

    scan.globals_read = globals_read
    return [
        Spot(
            fn.qualname,
            f.span,
            f.kind,
            f.calls,
            f.safe,
            f.reason,
            bounded=f.bounded,
            lines=tuple(sorted({s.line for s in f.edit.fetches}))
            if f.edit is not None and f.edit.form == "calls"
            else (f.span.line,),
            edit=f.edit,
            items=f.items,
            workers=f.workers,
            pool_size=f.pool_size,
        )
        for f in scan.run()
    ]


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


def _fan_out(
    fn: Function,
    fan_out: FanOut,
    graph: CallGraph,
    colouring: Colouring,
    allow_reorder: bool,
    trees: dict[str, ast.Module] | None = None,
) -> Spot | None:
    callee = _async_target(fan_out.call_target, graph, colouring)
    if fan_out.kind == "thread-workers" and callee is None:
        # ``target=worker``, a function defined after the threads are made (nested).
        callee = next(
            (
                e.callee
                for e in graph.edges
                if e.caller == fn.qualname
                and e.ref is not None
                and e.ref.keyword == "target"
                and _inside(e.ref.span, fan_out.span)
                and colouring.is_async(e.callee)
            ),
            None,
        )
    if callee is None and fan_out.kind == "executor-map" and fan_out.refusal:
        # ``pool.map(lambda x: f(x), xs)`` kept in the pool: f is what it runs.
        callee = next(
            (
                target
                for c in fn.calls
                if _inside(c.span, fan_out.span)
                and (target := _async_target(c.target, graph, colouring)) is not None
            ),
            None,
        )
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
    threaded = fan_out.kind in ("executor-completed", "thread-workers")
    # Its writes overlapped already, in the threads.
    overlapped = threaded or fan_out.kind in ("executor-map", "executor-submit")
    if refusal is None and writes and not allow_reorder and not overlapped:
        refusal = (
            f"{'/'.join(sorted(writes))} requests whose order the upstream may observe"
            " (--allow-reorder to run them together)"
        )
    any_method = methods.UNKNOWN in colouring.http_verbs.get(callee, ())
    if refusal is None and any_method and not allow_reorder and not overlapped:
        refusal = methods.unknown_reason(_short(callee))
    held = Pacing(graph, colouring).holds(callee) if refusal is None else ""
    if held:
        # Tasks share the loop's thread: the second would block it on the lock the
        # first holds while it awaits (threads each had their own).
        refusal = f"{_short(callee)} holds {held} across an await"
    if refusal:
        # Futures used as futures, or a lock held across an await: the pool stays,
        # running the calls in its threads.
        pooled = fan_out.kind.startswith("executor") and bool(fan_out.refusal or held)
        kept = "in threads" if pooled else ""
        return Spot(
            fn.qualname,
            fan_out.span,
            fan_out.kind,
            (callee,),
            False,
            f"kept {kept or 'sequential'}: {refusal}",
            lines=(fan_out.span.line,),
        )
    extra = ""
    if fan_out.kind in ("executor-map", "executor-submit"):
        extra = "; the thread pool is no longer needed"
    bound = "--max-concurrency"
    if fan_out.workers is not None or fan_out.pool_size:
        bound = pooled_limit(fan_out.workers or fan_out.pool_size)
    if fan_out.kind == "thread-workers":
        return Spot(
            fn.qualname,
            fan_out.span,
            fan_out.kind,
            (callee,),
            True,
            f"one thread per item of {fan_out.iter_text}, each running {_short(callee)}:"
            " one gather instead, at most --max-concurrency at a time; a failing"
            " worker stops nothing, as a failing thread did",
            bounded=True,
            lines=(fan_out.span.line,),
        )
    if threaded:
        return Spot(
            fn.qualname,
            fan_out.span,
            fan_out.kind,
            (callee,),
            True,
            f"{_short(callee)} submitted to a thread pool and taken as each completes:"
            f" tasks on the event loop instead, at most {bound} at a time",
            bounded=True,
            lines=(fan_out.span.line,),
            workers=fan_out.workers,
            pool_size=fan_out.pool_size,
        )
    lazy = fan_out.kind in ("map", "executor-map") and taken_one_at_a_time(fn, fan_out.span)
    node = function_node(fn, graph.project, trees) if trees is not None else None
    loop = loop_over(node, fan_out.span) if node is not None else None
    if loop is not None and fan_out.kind in ("map", "executor-map"):
        if fan_out.kind == "map" and stops_early(loop):
            return Spot(
                fn.qualname,
                fan_out.span,
                fan_out.kind,
                (callee,),
                False,
                f"kept sequential: early exit: the loop over the map can stop before its last"
                f" result, and the legacy map called {_short(callee)} only for the results"
                " taken; a gather would call it for every item",
                lines=(fan_out.span.line,),
            )
        # The loop's body ran for the results before a failure, which raised when
        # its turn came: the results are taken one at a time.
        lazy = True
    elif (
        lazy
        and fan_out.kind == "map"
        and (
            consumer_of(fn, fan_out.span) in STOPPING_CONSUMERS
            or (node is not None and only_next(node, fan_out.span))
        )
    ):
        # The builtin map makes each call when its result is taken: a consumer that
        # stops early (next, zip, islice...) made fewer calls than a gather would.
        return Spot(
            fn.qualname,
            fan_out.span,
            fan_out.kind,
            (callee,),
            False,
            f"kept sequential: {lazy_map_reason(fn, fan_out.span, _short(callee))}",
            lines=(fan_out.span.line,),
        )
    if lazy:
        extra += (
            "; the results are taken one at a time (an iterator), so each failure is raised"
            " when its result is taken"
        )
        if fan_out.kind == "map" and loop is None:
            extra += ", though every call is made first (the legacy map made each when taken)"
    return Spot(
        fn.qualname,
        fan_out.span,
        fan_out.kind,
        (callee,),
        True,
        f"one {_short(callee)} per item of {fan_out.iter_text}: run together, at most"
        f" {bound} at a time, results in order{extra}",
        bounded=True,
        lines=(fan_out.span.line,),
        workers=fan_out.workers,
        pool_size=fan_out.pool_size,
        lazy=lazy,
    )


def _inside(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.col) <= (inner.line, inner.col) and (
        inner.end_line,
        inner.end_col,
    ) <= (outer.end_line, outer.end_col)


def _short(qualname: str) -> str:
    return qualname.rsplit(".", 1)[-1]
