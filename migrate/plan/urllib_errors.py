"""Which calls raise urllib's errors, httpx's, or both, once MIG012 carried urlopen calls.

A handler of ``urllib.error.HTTPError`` keeps catching what it caught only if
it names the class its ``try`` raises now. A carried urlopen call raises
httpx's errors, a kept one (a shape with no httpx twin) urllib's, and a call
of a project function raises what the calls it makes raise, across modules.
The rewrite maps a handler to httpx's classes when its ``try`` reaches only
carried calls, and catches both forms when it reaches both kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ..analyse.graph import CallGraph
from ..analyse.model import Span

# A carried call raises httpx's errors, a kept one urllib's.
Kind = Literal["httpx", "urllib"]


def error_sources(
    graph: CallGraph, carried: Callable[[str, Span], bool]
) -> dict[str, dict[Span, frozenset[Kind]]]:
    """Per module, the calls (by span) that raise urllib's or httpx's errors.

    ``carried(module, span)`` tells whether the urlopen call at ``span`` moves
    to httpx. Empty when no call does (nothing changes what a handler catches).
    """
    reach: dict[str, set[Kind]] = {}
    calls: dict[str, dict[Span, frozenset[Kind]]] = {}
    for qualname, blocking in graph.blocking.items():
        module = graph.functions[qualname].module
        for call, entry in blocking:
            if entry.family != "urllib":
                continue
            kind: Kind = "httpx" if carried(module, call.span) else "urllib"
            reach.setdefault(qualname, set()).add(kind)
            calls.setdefault(module, {})[call.span] = frozenset({kind})
    if not any("httpx" in kinds for kinds in reach.values()):
        return {}
    todo = list(reach)
    while todo:
        callee = todo.pop()
        kinds = reach[callee]
        for edge in graph.callers.get(callee, ()):
            if edge.via != "call":
                continue
            module = graph.functions[edge.caller].module
            at = calls.setdefault(module, {})
            at[edge.span] = at.get(edge.span, frozenset()) | kinds
            known = reach.setdefault(edge.caller, set())
            if not kinds <= known:
                known |= kinds
                todo.append(edge.caller)
    return calls


def mentions_urllib_errors(text: str) -> bool:
    """Whether a module may name urllib's exception classes (its handlers may change)."""
    return "HTTPError" in text or "URLError" in text
