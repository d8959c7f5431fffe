"""What calling a method changes of its receiver, seen from the call graph.

Fan-outs over one receiver (``for pid in ids: project.title(pid)``) stay in
order when each call changes it: run together, the calls would change it in
the order they finish and could see each other's changes.
"""

from __future__ import annotations

from .graph import CallGraph
from .model import Function


def receiver_changes(
    method: Function, graph: CallGraph, seen: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The attributes of ``self`` a method changes, itself, through the wrappers its
    decorators put around it (a rate limit noting the time of the last request),
    or through the methods it calls on ``self`` or on what ``self`` holds
    (``self.session.get()`` changing ``session.last_request``)."""
    facts = graph.project.facts.get(method.module)
    local = method.qualname.removeprefix(method.module + ".")
    if facts is not None and local in facts.session_accessors:
        # It makes the session on first use, before any await: every call after
        # the first finds it made.
        return ()
    changed = list(method.self_writes)
    seen = seen | {method.qualname}
    for wrapper, wrapped in graph.wrapped_by.items():
        fn = graph.functions.get(wrapper)
        if method.qualname in wrapped and fn is not None and fn.params[:1] == ("self",):
            changed += fn.self_writes
    for call in method.calls:
        receiver, _, name = call.text.partition(".")
        held, _, name = name.rpartition(".")
        if receiver not in ("self", "cls") or "." in held or "(" in call.text:
            continue
        if call.text == "cls":
            continue  # ``cls(data)`` makes an instance: its __init__ changes only that
        callee = graph.callee_of(call)
        if callee is not None and callee not in seen and callee in graph.functions:
            changes = receiver_changes(graph.functions[callee], graph, seen)
            changed += (f"{held}.{attr}" if held else attr for attr in changes)
    return tuple(dict.fromkeys(changed))


def changed_params(fn: Function) -> tuple[tuple[int, str], ...]:
    """The parameters whose object ``fn`` changes in place (``seen.add(x)``), with
    their positions among a call's arguments (``self`` aside): two calls handed the
    same object see each other's changes."""
    given = fn.params[1:] if fn.params[:1] in (("self",), ("cls",)) else fn.params
    return tuple((i, p) for i, p in enumerate(given) if p in fn.param_writes)
