"""Callbacks that only sleep, handed to code that keeps them: they stay sync.

``upstream.route_fn("/slow", slow)``, where ``slow`` sleeps and answers: the
function is stored, and called later by code the analysis cannot follow (a
test server's thread, a scheduler). Nothing but its sleep would make it async,
and made async it would hand that caller a coroutine; kept sync, it sleeps on
whichever thread calls it, never on the event loop of the code being
migrated. A receiver that calls what it is given itself is followed instead
(see passed), and so is a thread pool's map or submit (see handoffs).
"""

from __future__ import annotations

from .catalogue import Action
from .graph import CallGraph
from .model import Span

SLEEPS = frozenset({"sleep", "retrying"})
KEPT = "a callback that only sleeps, handed to {receiver}, which keeps it: it stays sync"


def stored_callbacks(graph: CallGraph, handed: set[tuple[str, Span]]) -> dict[str, str]:
    """Functions that stay sync for that reason -> why (boundaries)."""
    found: dict[str, str] = {}
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        rewrites = [e for _, e in calls if e.action is Action.REWRITE]
        if fn.is_async or not rewrites or any(e.family not in SLEEPS for e in rewrites):
            continue
        edges = graph.callers.get(qualname, [])
        refs = [e for e in edges if e.via == "ref" and e.ref is not None]
        if not refs or len(refs) != len(edges):
            continue  # called (or wrapped) somewhere the analysis sees: followed there
        receivers = {graph.resolve(e.ref.receiver) or "" for e in refs if e.ref is not None}
        stored = all(r in graph.functions for r in receivers) and not any(
            (e.caller, e.ref.span) in handed for e in refs if e.ref is not None
        )
        if stored:
            found[qualname] = KEPT.format(receiver=", ".join(sorted(receivers)))
    return found
