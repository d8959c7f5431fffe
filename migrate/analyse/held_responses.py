"""Request calls kept on requests for a helper that reads requests' responses.

``r = requests.get(url, stream=True)`` then ``utils.response_content(r)``,
where ``response_content`` reads ``r.iter_content(...)`` and is also handed
the responses of code that stays on requests in this step (see responses):
no form of ``iter_content`` works on both libraries' responses, so moving the
call would hand the helper an httpx response it raises AttributeError on.
The call stays on requests, as the helper's other callers do, and moves in
the step that moves them; its function is bridged where async code reaches
it, as any blocking call is. Under ``--select`` the user has chosen what moves
in this step: the helper gets its TODO and review item instead (see responses).
"""

from __future__ import annotations

from .decisions import Colouring, Scope
from .graph import CallGraph
from .model import Function, Span
from .responses import ResponseFlow

Held = dict[tuple[str, Span], str]


def held_calls(graph: CallGraph, colouring: Colouring, scope: Scope) -> Held:
    """(function, call span) -> why, for each request call that moves this run and
    whose response reaches a helper reading what only requests' response has,
    while code that stays on requests hands the same helper its responses (or
    values the flow cannot trace that may be theirs)."""
    if scope.select:
        return {}
    kept = {id(call) for calls in graph.kept.values() for call, _ in calls}

    def moves(fn: Function, call: object) -> bool:
        return id(call) not in kept and (fn.is_async or colouring.is_async(fn.qualname))

    flow = ResponseFlow(graph, moves)
    if not flow.gradual:
        return {}
    found: Held = {}
    for param in flow.parameters():
        # "both": requests' responses reach it too, or values that may be theirs.
        attrs = flow.requests_only(param) if param.verdict == "both" else []
        if not attrs:
            continue
        helper = graph.functions[param.function].name
        reads = ", ".join(f"{param.param}.{attr}" for attr in attrs)
        given = "is" if any(g.kind == "requests" for g in param.given) else "may be"
        why = (
            f"stays on requests: its response goes to {helper}(), which reads {reads}"
            f" (requests' only) and {given} handed requests responses by code that"
            " stays; it moves with them"
        )
        for made in flow.moved_calls(param):
            found.setdefault(made, why)
    return found
