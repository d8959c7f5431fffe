"""Functions handed to code that calls them: when that is a fan-out, when a bridge.

``map(f, xs)``, a thread pool's ``map``/``submit`` and ``Thread(target=f)``
started over items call ``f`` once per item: once ``f`` is async, the holder
becomes async too and the fan-out a gather (see :mod:`migrate.analyse.concurrency`).
A bridge ``async_to_sync(f)`` handed on rather than called keeps running ``f``
elsewhere (a thread), so it stays.
"""

from __future__ import annotations

from .decisions import Colouring
from .frameworks import MAP_RECEIVERS, PARTIALS
from .graph import CallGraph, Edge
from .model import Function, Span
from .pacing import Pacing


def handed_over(caller: Function, bridge: Span) -> bool:
    """Whether the bridge ``async_to_sync(f)`` at ``bridge`` is passed on, not called."""
    return any(
        call.span == bridge and call.arg_of is not None and call.arg_of not in MAP_RECEIVERS
        for call in caller.calls
    )


def is_fan_out(edge: Edge, graph: CallGraph) -> bool:
    """Whether ``edge`` hands ``f`` to a fan-out: ``map(f, xs)``, a pool's ``map`` or
    ``submit`` (in a fan-out shape), ``Thread(target=f)`` started over items."""
    ref = edge.ref
    if ref is None:
        return False
    receiver = graph.resolve(ref.receiver) or ref.receiver or ""
    if ref.keyword == "target" and receiver == "threading.Thread":
        # Threads started over items and joined at once become a gather of f.
        holder = graph.functions.get(edge.caller)
        return holder is not None and any(
            f.kind == "thread-workers" and within(ref.span, f.span) for f in holder.fan_outs
        )
    if ref.keyword is not None:
        return False
    if receiver in PARTIALS and ref.call_span is not None:
        # ``worker = partial(f, a)`` right before ``pool.map(worker, xs)`` (see shapes).
        holder = graph.functions.get(edge.caller)
        return holder is not None and any(
            f.partial == ref.call_span and f.refusal is None for f in holder.fan_outs
        )
    if receiver.endswith("ThreadPoolExecutor.submit"):
        # Only ``[pool.submit(f, x) for x in xs]`` whose futures give nothing but
        # results becomes a gather; a submit anywhere else keeps its thread (and f
        # is bridged there).
        holder = graph.functions.get(edge.caller)
        return holder is not None and any(
            f.kind in ("executor-submit", "executor-completed")
            and f.refusal is None
            and within(ref.span, f.span)
            for f in holder.fan_outs
        )
    if receiver.endswith("ThreadPoolExecutor.map"):
        # Only a map the fan-outs carry becomes a gather; one they refuse (a pool of
        # one thread) or do not know (``timeout=``) keeps its threads, f bridged there.
        holder = graph.functions.get(edge.caller)
        return holder is not None and any(
            f.kind == "executor-map" and f.refusal is None and within(ref.span, f.span)
            for f in holder.fan_outs
        )
    return receiver in MAP_RECEIVERS


def gathered(edge: Edge, graph: CallGraph, result: Colouring) -> bool:
    """Whether ``edge`` hands ``f`` to a fan-out that becomes a gather: not when ``f``
    holds a lock across an await (tasks share the loop's thread, so the second would
    block it on the lock the first holds; threads each had their own)."""
    return is_fan_out(edge, graph) and not Pacing(graph, result).holds(edge.callee)


def within(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.col) <= (inner.line, inner.col) and (
        inner.end_line,
        inner.end_col,
    ) <= (outer.end_line, outer.end_col)
