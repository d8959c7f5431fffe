"""Functions handed over as values (``sorted(xs, key=fetch)``,
``polling.poll(check)``) that become async: where the code they are handed
to calls them, and the bridge each needs.

A sync holder hands on ``async_to_sync(f)``; async code handing a callback to
a sync API outside the project runs that API on a worker thread
(``sync_to_async``), from which ``async_to_sync(f)`` calls back into the
loop; a project function calling its parameter must await it instead (a
review item).
"""

from __future__ import annotations

from . import finalisers
from .decisions import Bridge, Colouring, Review
from .frameworks import (
    BRIDGES,
    CALLING_AT_ONCE,
    ITERATING_LATER,
    LATER_RECEIVERS,
    THREAD_RECEIVERS,
    AsgirefBridge,
)
from .graph import CallGraph, Edge
from .handoffs import gathered
from .model import Ref, Span
from .object_attrs import project_container
from .tree import short_name


def bridge_kind(edge: Edge, graph: CallGraph) -> AsgirefBridge | None:
    """ "async_to_sync" / "sync_to_async" when ``edge`` goes through an asgiref bridge."""
    ref = edge.ref
    if edge.via != "ref" or ref is None or ref.keyword is not None:
        return None
    receiver = graph.resolve(ref.receiver) or ref.receiver or ""
    return BRIDGES.get(receiver)


def reference_bridges(
    graph: CallGraph,
    result: Colouring,
    converted: set[tuple[str, Span]],
    handed: set[tuple[str, Span]],
) -> None:
    """Async functions handed over by reference (not to a receiver that awaits them)."""
    for edge in graph.edges:
        if edge.via != "ref" or edge.ref is None or edge.callee not in result.async_functions:
            continue
        ref = edge.ref
        if (edge.caller, ref.span) in converted:
            continue
        if bridge_kind(edge, graph) is not None:
            continue  # already bridged (an earlier step)
        holder = graph.functions[edge.caller]
        holder_async = holder.is_async or holder.qualname in result.async_functions
        receiver = graph.resolve(ref.receiver) or ref.receiver or ""
        if ref.in_async_receiver or project_container(graph.project.facts, receiver):
            continue  # Flask runs registered handlers through ensure_sync; see values
        if gathered(edge, graph, result) and holder_async:
            continue  # a fan-out: see concurrency
        if ref.stored:
            # ``sys.excepthook = self.on_error``: the module calls it later, by itself.
            if graph.project.module_of(receiver) is None:
                why = f"stored as {receiver}, which calls it synchronously"
                result.bridges.append(
                    Bridge(
                        holder.qualname,
                        edge.callee,
                        ref.span,
                        "async_to_sync",
                        why,
                        is_reference=True,
                        text=ref.text,
                    )
                )
            continue
        # A receiver calling its parameter without awaiting it gets the function bridged.
        called_there = (edge.caller, ref.span) in handed
        if receiver in graph.functions and (holder_async or not called_there):
            why = (
                f"{short_name(edge.callee)} becomes async and is passed to"
                f" {short_name(receiver)}, which calls it: make that caller await it"
            )
            result.review.append(Review(holder.qualname, ref.span, why, unawaited=True))
            continue
        at_exit = finalisers.exit_hook_bridge(edge.callee, ref, holder, receiver)
        if at_exit is not None:
            result.bridges.append(at_exit)
            continue
        api = receiver.rsplit(".", 1)[-1]
        if receiver in THREAD_RECEIVERS or api in LATER_RECEIVERS or not holder_async:
            result.bridges.append(
                Bridge(
                    holder.qualname,
                    edge.callee,
                    ref.span,
                    "async_to_sync",
                    f"callback handed to sync API {api}()",
                    is_reference=True,
                    text=ref.text,
                    called_at_once=receiver in CALLING_AT_ONCE,
                )
            )
            continue
        if ref.call_span is not None and _calls_before_returning(graph, ref):
            # ``polling.poll(check, step=5)`` in async code: the API runs on a
            # worker thread, from which async_to_sync calls back into this loop.
            why = f"callback handed to sync API {api}(), run on a worker thread"
            result.bridges.append(
                Bridge(
                    holder.qualname,
                    edge.callee,
                    ref.span,
                    "async_to_sync",
                    why,
                    is_reference=True,
                    text=ref.text,
                    called_at_once=True,
                )
            )
            why = f"{api}() calls {short_name(edge.callee)}, which becomes async"
            result.bridges.append(
                Bridge(holder.qualname, receiver, ref.call_span, "sync_to_async", why)
            )
            continue
        result.review.append(
            Review(
                holder.qualname,
                ref.span,
                f"{short_name(edge.callee)} becomes async but is handed to sync API"
                f" {api}() from async code, where async_to_sync"
                " cannot run: restructure this call",
                unawaited=True,
            )
        )


def _calls_before_returning(graph: CallGraph, ref: Ref) -> bool:
    """Whether ``ref`` is handed, as an argument, to a function outside the
    project (``polling.poll``, ``re.sub``, a builtin) that may call it before it
    returns: the project's own functions and classes are followed instead."""
    if ref.in_lambda or ref.call_called or ref.receiver is None:
        return False
    receiver = graph.resolve(ref.receiver)
    if receiver is None or receiver in ITERATING_LATER or receiver.startswith("itertools."):
        return False
    if receiver in graph.functions or receiver in graph.class_names():
        return False
    return receiver.split(".", 1)[0] not in graph.project.packages
