"""Builtin and thread-pool maps whose results are taken one at a time.

``next(map(f, xs))``, ``it = map(f, xs)`` read by ``next(it)``, a map handed to
``zip`` or ``islice``, a loop over a map that can stop early: the legacy map
called ``f`` only for the results taken, so a gather, which calls it for every
item, would send requests the legacy code never sent. The concurrency pass
asks these questions of a map before it gathers one.
"""

from __future__ import annotations

import ast

from . import dataflow
from .catalogue import Action, lookup
from .frameworks import BRIDGES
from .gathers.model import span_of
from .gathers.syntax import same_loop
from .graph import CallGraph
from .model import Function, Span
from .shapes import CONSUMERS, SYNC_TAKERS


def loop_over(node: ast.AST, span: Span) -> ast.For | None:
    """The ``for`` statement whose iterable is the call at ``span``."""
    for sub in dataflow.walk_local(node):
        if isinstance(sub, ast.For) and span_of(sub.iter) == span:
            return sub
    return None


def stops_early(loop: ast.For) -> bool:
    """The loop can end before its last item (break, return, raise)."""
    return any(
        isinstance(n, ast.Break | ast.Return | ast.Raise)
        for stmt in loop.body
        for n in same_loop(stmt)
    )


def taken_one_at_a_time(fn: Function, span: Span) -> bool:
    """Whether the map at ``span`` hands its iterator on (assigned, returned, given to
    ``next`` or to a function) rather than to a loop or a call taking every item."""
    made = next((c for c in fn.calls if c.span == span), None)
    if made is None or made.iterated:
        return False
    consumer = (made.arg_of or "").rsplit(".", 1)[-1]
    return consumer not in CONSUMERS and consumer != "join"


def only_next(node: ast.AST, span: Span) -> bool:
    """``it = map(f, xs)`` (at ``span``), ``it`` bound once and only ever handed to
    ``next()``: the map's results are taken one by one, maybe not all."""
    assign = next(
        (
            n
            for n in dataflow.walk_local(node)
            if isinstance(n, ast.Assign)
            and span_of(n.value) == span
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
        ),
        None,
    )
    if assign is None:
        return False
    name = assign.targets[0].id  # type: ignore[attr-defined]
    parents = {
        id(child): parent for parent in ast.walk(node) for child in ast.iter_child_nodes(parent)
    }
    for use in ast.walk(node):
        if not isinstance(use, ast.Name) or use.id != name or use is assign.targets[0]:
            continue
        parent = parents.get(id(use))
        if not (
            isinstance(use.ctx, ast.Load)
            and isinstance(parent, ast.Call)
            and dataflow.path_of(parent.func) == "next"
            and parent.args[:1] == [use]
            and len(parent.args) <= 2
            and not parent.keywords
        ):
            return False
    return True


def consumer_of(fn: Function, span: Span) -> str:
    """The name of the function the call at ``span`` is handed to ("" if none)."""
    made = next((c for c in fn.calls if c.span == span), None)
    return ((made.arg_of if made else None) or "").rsplit(".", 1)[-1]


def lazy_map_reason(fn: Function, span: Span, short: str) -> str:
    """Why a builtin ``map`` whose results are taken one at a time is not gathered."""
    consumer = consumer_of(fn, span)
    if not consumer:
        return (
            f"early exit: next() takes the map's results one by one: the legacy map called"
            f" {short} only for those taken, a gather would call it for every item"
        )
    if consumer in ("next", "iter"):
        return (
            f"early exit: next() takes the first result only: the legacy map called {short}"
            " once, a gather would call it for every item"
        )
    taker = f"{consumer}()" if consumer else "the code it is handed to"
    return (
        f"the map's results are taken one at a time by {taker}: the legacy map called"
        f" {short} only for the results taken, a gather would call it for every item"
    )


def lazy_map_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why ``fn`` stays sync: it hands a builtin ``map`` or a generator expression
    to ``zip()``/``islice()``..., which take its results one at a time from a sync
    iterator. Were what it calls async, it would be an async iterator they cannot
    take, and a gather or a list would make calls the legacy code never made;
    sync, it calls that through a bridge, lazily, as before."""
    for fan_out in fn.fan_outs:
        taker = consumer_of(fn, fan_out.span) if fan_out.kind == "map" else ""
        if taker in SYNC_TAKERS:
            return f"lazy map: {taker}() takes the map's results one at a time"
    calls = {call.span: call for call in fn.calls}
    for taker, made in fn.lazily_taken:
        targets = {graph.resolve(calls[s].target or "") for s in made if s in calls}
        if any(t in graph.functions or _rewritten(t) for t in targets if t):
            return f"lazy generator: {taker}() takes its items one at a time"
    return None


def _rewritten(target: str) -> bool:
    """A call that becomes async, or the bridge an earlier run put in its place."""
    entry = lookup(target)
    return (entry is not None and entry.action is Action.REWRITE) or BRIDGES.get(
        target
    ) == "async_to_sync"
