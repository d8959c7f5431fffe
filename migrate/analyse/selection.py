"""Selected code that reaches blocking calls the selection leaves out.

``--select app.api.names`` takes in ``names`` but not the ``fetch`` it calls:
``fetch`` stays sync, so ``names`` has nothing to await and the step changes
nothing. Without a word that reads as "nothing blocks here"; the plan says
which unselected function blocks instead, so the user can widen the step.
"""

from __future__ import annotations

from collections import deque

from .catalogue import Action
from .decisions import Colouring, Review, Scope
from .graph import CallGraph


def left_out_blocking(
    graph: CallGraph, scope: Scope, result: Colouring, left_out: set[str] | None = None
) -> set[str]:
    """Functions outside ``--select`` that block, or call such functions."""
    if not scope.select:
        return set()
    left_out = _left_out(graph, scope, result) if left_out is None else left_out
    reaching = {
        q
        for q, calls in graph.blocking.items()
        if q in left_out and any(entry.action is Action.REWRITE for _, entry in calls)
    }
    queue = deque(reaching)
    while queue:
        callee = queue.popleft()
        for edge in graph.callers.get(callee, []):
            if edge.via == "call" and edge.caller in left_out and edge.caller not in reaching:
                reaching.add(edge.caller)
                queue.append(edge.caller)
    return reaching


def unselected_callees(graph: CallGraph, scope: Scope, result: Colouring) -> list[Review]:
    """A review at each call from selected sync code into unselected code that blocks."""
    left_out = _left_out(graph, scope, result) if scope.select else set()
    reaching = left_out_blocking(graph, scope, result, left_out)
    reviews = []
    for callee in sorted(reaching):
        for edge in graph.callers.get(callee, []):
            caller = edge.caller
            if (
                edge.via != "call"
                or caller in left_out
                or caller in result.boundaries
                or caller in result.async_functions
                or graph.functions[caller].is_async
            ):
                continue
            reviews.append(
                Review(
                    caller,
                    edge.span,
                    f"calls {callee}, which blocks but is not selected; add it to --select"
                    " to migrate this call chain in the same step",
                )
            )
    return reviews


def _left_out(graph: CallGraph, scope: Scope, result: Colouring) -> set[str]:
    return {
        q
        for q, why in result.boundaries.items()
        if why == "excluded" and not _excluded_by_name(graph, scope, q)
    }


def _excluded_by_name(graph: CallGraph, scope: Scope, qualname: str) -> bool:
    """Left out on purpose (``--exclude-name``), not only outside ``--select``."""
    path = graph.project.facts[graph.functions[qualname].module].path
    return bool(scope.exclude) and Scope(exclude=scope.exclude).excluded(qualname, path)
