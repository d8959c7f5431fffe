"""Context managers and lifetime methods of classes whose methods become async.

A class holding a client closes it in ``close()`` and in ``__exit__``; once
the client is an ``httpx.AsyncClient`` closing it awaits, so those methods
become async under the names asyncio code expects: ``close`` -> ``aclose``
(httpx's and the standard library's pairing; a ``close`` that closes nothing
keeps its name), ``__enter__``/``__exit__`` -> ``__aenter__``/``__aexit__``
(always as a pair), and every ``with C() as c`` entering such a class becomes
``async with``. An ``httpx.Auth``'s ``auth_flow`` that becomes async is the
``async_auth_flow`` an AsyncClient runs.

A context manager that sync code enters (a ``with`` in a function that
stays sync), whose methods are called by hand, or that lacks one of the
pair in the project stays sync: a ``with`` cannot be bridged.
"""

from __future__ import annotations

from .decisions import Colouring, Reason
from .graph import CallGraph
from .twins import TWIN_NAMES

PAIR = {"__enter__": "__exit__", "__exit__": "__enter__"}
# A method that becomes async takes the name asyncio code uses for it.
ASYNC_NAMES = {
    "__enter__": "__aenter__",
    "__exit__": "__aexit__",
    "close": "aclose",
    "__next__": "__anext__",
    **TWIN_NAMES,
}


def context_boundary(qualname: str, graph: CallGraph, boundaries: dict[str, str]) -> str | None:
    """Why ``__enter__``/``__exit__`` at ``qualname`` must stay sync, or None."""
    fn = graph.functions[qualname]
    if fn.name == "close" and fn.class_qualname is not None:
        # ``with closing(obj):`` in code that stays sync calls ``obj.close()``.
        for edge in graph.callers.get(qualname, []):
            if edge.call is not None and edge.call.context_manager and edge.caller in boundaries:
                caller = graph.functions[edge.caller]
                return f"closed through closing() by sync code ({caller.name})"
        return None
    if fn.name not in PAIR or fn.class_qualname is None:
        return None
    partner = graph.resolve(f"{fn.class_qualname}.{PAIR[fn.name]}")
    if partner not in graph.functions:
        return f"context manager: {PAIR[fn.name]} is not defined in the project"
    for method in (qualname, partner):
        for edge in graph.callers.get(method, []):
            call = edge.call
            if call is None or call.in_lambda:
                return f"context manager: {fn.name} used as a value"
            if not call.context_manager and not call.text.startswith("super()."):
                return f"context manager: {call.text}() called by hand"
            if edge.caller in boundaries:
                caller = graph.functions[edge.caller]
                return f"context manager entered by sync code ({caller.name})"
    return None


def pair_up(callee: str, graph: CallGraph, result: Colouring) -> str | None:
    """The other half of a context manager that becomes async, now async too."""
    fn = graph.functions[callee]
    if fn.name not in PAIR or fn.class_qualname is None:
        return None
    partner = graph.resolve(f"{fn.class_qualname}.{PAIR[fn.name]}")
    if partner is None or partner not in graph.functions or partner in result.async_functions:
        return None
    if graph.functions[partner].is_async or partner in result.boundaries:
        return None
    result.async_functions[partner] = Reason(callee, fn.span, "calls")
    return partner


def async_names(graph: CallGraph, result: Colouring) -> dict[str, str]:
    """Methods that become async and take their async name: qualname -> new name.

    A name already taken in the class keeps the method's own; so does a
    ``close`` handed over as a value (the reference would miss the rename).
    """
    renamed: dict[str, str] = {}
    referenced = {edge.callee for edge in graph.edges if edge.via == "ref"}
    for qualname in result.async_functions:
        fn = graph.functions[qualname]
        new = ASYNC_NAMES.get(fn.name) or result.property_twins.get(qualname)
        if fn.name in ("auth_flow", "sync_auth_flow") and _is_httpx_auth(fn.class_qualname, graph):
            new = "async_auth_flow"  # what an AsyncClient runs (a sync client's auth)
        if fn.name == "__iter__" and fn.is_generator:
            new = "__aiter__"  # an async generator: what ``async for`` asks for
        if new is None or fn.class_qualname is None or fn.is_async:
            continue
        if f"{fn.class_qualname}.{new}" in graph.functions or qualname in referenced:
            continue
        if fn.name == "close" and not _closes_something(qualname, graph):
            continue  # ``Ticket.close()`` changes a ticket: its name is the API's
        renamed[qualname] = new
        if new == "__anext__":
            # An async iterator: ``async for`` asks its ``__aiter__`` (sync, gives itself).
            iterator = graph.resolve(f"{fn.class_qualname}.__iter__")
            if iterator in graph.functions:
                renamed[iterator] = "__aiter__"
    return renamed


def _is_httpx_auth(cls: str | None, graph: CallGraph) -> bool:
    """Whether ``cls`` derives from ``httpx.Auth`` (through the project's classes)."""
    seen: set[str] = set()
    todo = [cls] if cls else []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        bases = next(
            (f.classes[current] for f in graph.project.facts.values() if current in f.classes), []
        )
        if any(
            base.endswith(".Auth") and base.split(".")[0] in ("httpx", "httpx2") for base in bases
        ):
            return True
        todo += bases
    return False


def _closes_something(qualname: str, graph: CallGraph) -> bool:
    """Whether ``close()`` closes what the object holds (a client, a response,
    another object's ``close``): what ``aclose`` names, not a domain action that
    happens to be called close (closing a ticket with a PUT)."""
    for call in graph.functions[qualname].calls:
        target = graph.resolve(call.target) if call.target else None
        name = (target or call.text).rpartition(".")[2]
        if name in ("close", "aclose", "__exit__", "__aexit__"):
            return True
    return False


def overrides(qualname: str, graph: CallGraph) -> list[str]:
    """Methods overriding ``qualname`` in subclasses, across modules.

    Callers reaching an instance through its base class await the method, so
    an override becomes async with it (a subclass's ``__exit__``, ``close``).
    """
    fn = graph.functions[qualname]
    if fn.class_qualname is None or fn.name == "__init__":
        return []
    found = (f"{cls}.{fn.name}" for cls in graph.subclasses(fn.class_qualname))
    return [method for method in found if method in graph.functions]


def overridden(qualname: str, graph: CallGraph) -> list[str]:
    """The methods ``qualname`` overrides in its project base classes.

    A base class's code calls the method on ``self`` (``self._get_self()``) and
    reaches the override for a subclass's instance: it awaits it, so the base's
    method becomes async with it (and, through it, the other overrides).
    """
    fn = graph.functions[qualname]
    cls = fn.class_qualname
    if cls is None or fn.name.startswith("__"):
        return []
    bases = next((f.classes[cls] for f in graph.project.facts.values() if cls in f.classes), [])
    bases = [*bases, *graph.protocols_of(cls)]  # ``source: Source``, a Protocol it matches
    found = (graph.resolve(f"{base}.{fn.name}") for base in bases)
    return [method for method in found if method in graph.functions and method != qualname]


def with_it(callee: str, graph: CallGraph, result: Colouring) -> list[str]:
    """Methods that become async because ``callee`` does: its context manager
    partner, its overrides in subclasses, the methods it overrides and the
    methods of other subclasses that one call may reach instead of it."""
    found = []
    partner = pair_up(callee, graph, result)
    if partner is not None:
        found.append(partner)
    siblings = sorted(graph.dispatched.get(callee, set()) - {callee})
    for method in (*overrides(callee, graph), *overridden(callee, graph), *siblings):
        if method not in result.async_functions and method not in result.boundaries:
            result.async_functions[method] = Reason(callee, graph.functions[method].span, "calls")
            found.append(method)
    return found
