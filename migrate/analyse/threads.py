"""Blocking calls with no async twin, offloaded from async code, on the right thread.

Functions that block through bridge-only calls (sqlite3, files,
subprocesses) stay sync, and async code calls them through
``sync_to_async``: thread-sensitive when the resource belongs to a thread.

An sqlite3 connection may only be used on the thread that opened it. Async
code entered through ``async_to_sync`` (Flask's async views, a sync caller
bridged, a legacy thread) runs its loop on another thread, and asgiref's
thread-sensitive ``sync_to_async`` sends such calls back to the caller's
thread. Async code entered only through ``asyncio.run`` or by async callers
runs on the thread the sync code ran on; there the thread-sensitive bridge
would move the call to asgiref's own thread, so the quick local call is
made directly, on the thread it was made on before.
"""

from __future__ import annotations

from collections import deque

from .catalogue import HTTP_VERBS, Action
from .decisions import Bridge, Colouring
from .frameworks import BRIDGES, EXECUTORS
from .graph import CallGraph
from .model import Function, Span
from .overrides import library_base
from .tree import short_name

FLASK_ENTRIES = ("flask-view", "flask-handler")
# Class-based views: Flask calls the method named for the request's method, or
# dispatch_request, through ensure_sync.
FLASK_VIEWS = frozenset({"flask.views.MethodView", "flask.views.View"})
METHOD_VIEW_NAMES = frozenset({*HTTP_VERBS, "dispatch_request"})


def run_off_thread(graph: CallGraph, result: Colouring) -> set[str]:
    """Async functions that may run under an ``async_to_sync`` bridge (on another thread).

    Flask's async views and hooks, the callees of the plan's bridges and of
    an earlier step's bridges that stay, and every async function they reach.
    """
    entries = {b.callee for b in result.bridges if b.kind == "async_to_sync"}
    for fn in graph.functions.values():
        if fn.framework in FLASK_ENTRIES and (fn.is_async or result.is_async(fn.qualname)):
            entries.add(fn.qualname)
        elif fn.name in METHOD_VIEW_NAMES and library_base(fn, graph, FLASK_VIEWS.__contains__):
            entries.add(fn.qualname)  # a MethodView's get(), run as an async view is
        for ref in fn.refs:
            receiver = graph.resolve(ref.receiver) or ref.receiver or ""
            target = graph.resolve(ref.target)
            if target not in graph.functions:
                continue
            if BRIDGES.get(receiver) == "async_to_sync" or ref.in_async_receiver:
                # ``app.add_url_rule(view_func=f)``, ``app.teardown_appcontext(f)``:
                # Flask runs f through async_to_sync (ensure_sync), as a view.
                entries.add(target)
    callees: dict[str, list[str]] = {}
    for edge in graph.edges:
        callees.setdefault(edge.caller, []).append(edge.callee)
    reached: set[str] = set()
    todo = [e for e in entries if e in graph.functions]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        todo += [
            c for c in callees.get(name, []) if graph.functions[c].is_async or result.is_async(c)
        ]
    return reached


def offload_blocking(graph: CallGraph, result: Colouring) -> None:
    """Sync functions that block through bridge-only calls, and where async code calls them."""
    queue: deque[str] = deque()
    # Thread-bound calls stay where they ran unless a bridge runs the loop elsewhere.
    off_thread = run_off_thread(graph, result)
    for qualname, calls in graph.blocking.items():
        bridged = [(c, e) for c, e in calls if e.action is Action.BRIDGE]
        if not bridged:
            continue
        fn = graph.functions[qualname]
        if fn.is_async or qualname in result.async_functions:
            for call, entry in bridged:
                if entry.thread_sensitive and qualname not in off_thread:
                    continue
                result.offloads.append(
                    Bridge(
                        qualname,
                        entry.name,
                        call.span,
                        "sync_to_async",
                        f"{entry.family} call has no async twin",
                        entry.thread_sensitive,
                    )
                )
            continue
        sensitive = any(e.thread_sensitive for _, e in bridged)
        result.sync_blocking[qualname] = (sensitive, bridged[0][1].name)
        queue.append(qualname)
    # A function left sync that still sends (its client stays on requests; it calls
    # a request function it holds as a value) blocks: async code reaching it offloads it.
    # Closing a client sends nothing (a client per loop closes from sync code).
    kept = [
        (qualname, entry.name)
        for qualname, calls in graph.blocking.items()
        for call, entry in calls
        if entry.action is Action.REWRITE
        and not call.in_lambda
        and not entry.name.endswith(".close")
    ]
    kept += [(qualname, text) for qualname, _, text in result.blocking_values]
    for qualname, via in kept:
        fn = graph.functions[qualname]
        if qualname in result.sync_blocking or fn.is_async or qualname in result.async_functions:
            continue
        if fn.name != "__init__":  # one storing a value for later calls sends nothing
            result.sync_blocking[qualname] = (False, via)
            queue.append(qualname)
    # async_to_sync raises on a thread whose loop is running: async code calls a
    # sync function that bridges (or reaches one that does) through sync_to_async,
    # whose worker thread async_to_sync hands the coroutine back to the loop from.
    # So does asyncio.run (a console script's ``cli()`` called by a test made
    # async): on the worker thread it runs a loop of its own.
    looping: set[str] = set()
    offloaded: set[tuple[str, Span]] = set()
    for bridge in result.bridges:
        holder = bridge.function
        if bridge.kind not in ("async_to_sync", "asyncio.run") or holder in looping:
            continue
        if bridge.is_reference and not bridge.called_at_once:
            continue
        if holder not in graph.functions or graph.functions[holder].is_async:
            continue
        if holder in result.async_functions:
            continue
        looping.add(holder)
        if holder not in result.sync_blocking:
            via = f"runs {short_name(bridge.callee)} through {bridge.kind}"
            result.sync_blocking[holder] = (False, via)
            queue.append(holder)
    while queue:
        callee = queue.popleft()
        sensitive, via = result.sync_blocking[callee]
        for edge in graph.callers.get(callee, []):
            if edge.via != "call" or edge.call is None:
                continue
            caller = graph.functions[edge.caller]
            if caller.is_async or caller.qualname in result.async_functions:
                if sensitive and caller.qualname not in off_thread and callee not in looping:
                    continue
                if (caller.qualname, edge.span) in offloaded:
                    continue  # queued again once it turned out to reach async_to_sync
                offloaded.add((caller.qualname, edge.span))
                generator = graph.functions[callee].is_generator
                looped = edge.call.iterated and edge.call.genexp_of is None
                if generator and not looped:
                    # Making a generator runs none of it, nor does handing it on (a
                    # generator expression over it is a lazy value too).
                    continue
                result.offloads.append(
                    Bridge(
                        caller.qualname,
                        callee,
                        edge.span,
                        "thread_items" if generator else "sync_to_async",
                        f"{short_name(callee)} blocks ({via})",
                        sensitive,
                    )
                )
                continue
            known = result.sync_blocking.get(caller.qualname)
            spreads = callee in looping and caller.qualname not in looping
            if spreads:
                looping.add(caller.qualname)
            if known is None or (sensitive and not known[0]) or spreads:
                result.sync_blocking[caller.qualname] = (sensitive or bool(known and known[0]), via)
                queue.append(caller.qualname)


# Thread classes whose ``run`` a subclass overrides: the thread calls it, and
# never awaits what it returns.
THREAD_CLASSES = frozenset({"threading.Thread", "threading.Timer"})


def thread_boundary(fn: Function, graph: CallGraph) -> str | None:
    """Why ``fn`` stays sync, running on threads of its own (see below), or None."""
    return thread_run_boundary(fn, graph) or paced_pool_boundary(fn, graph)


def thread_run_boundary(fn: Function, graph: CallGraph) -> str | None:
    """``run`` of a ``threading.Thread`` subclass stays sync: it runs on its own
    thread, where blocking is what it did before; the async code it calls is
    bridged there."""
    if fn.name != "run":
        return None
    base = library_base(fn, graph, THREAD_CLASSES.__contains__)
    return f"runs on its own thread ({base}.run)" if base else None


def paced_pool_boundary(fn: Function, graph: CallGraph) -> str | None:
    """A function that sleeps between what it hands a thread pool (staggered
    ``submit``) and blocks on nothing else stays sync: its sleeps pace threads,
    and it waits on their futures, which in an async function would block the
    event loop for the whole fan-out."""
    blocking = graph.blocking.get(fn.qualname, [])
    rewritten = [entry for _, entry in blocking if entry.action is Action.REWRITE]
    if not rewritten or any(entry.family != "sleep" for entry in rewritten):
        return None
    targets = (graph.resolve(call.target) or call.target or "" for call in fn.calls)
    if any(t in EXECUTORS or t.rpartition(".")[0] in EXECUTORS for t in targets):
        return "it sleeps between what it hands a thread pool, and waits on the pool"
    return None
