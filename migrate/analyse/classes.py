"""How a project uses its classes, as far as colouring needs to know.

A class handed over as a value (``map(Report, skus)``, a registry) is made
by code we cannot see: its ``__init__`` cannot become an async factory. A
decorator class (``__init__`` keeps the function, ``__call__`` calls it)
stands in for the functions it decorates: its ``__call__`` may become async
with them. Classes picked by a value and called (see choices) are made
together: their constructors become async factories all, or none.
"""

from __future__ import annotations

from .decisions import Colouring
from .frameworks import makes_nothing
from .graph import CallGraph
from .tree import short_name


def classes_passed_around(graph: CallGraph) -> set[str | None]:
    """Classes used as values; ``self`` is an instance, and ``isinstance(x, C)``,
    ``super(C, self)`` or ``monkeypatch.setattr(C, "poll", fake)`` makes nothing."""
    return {
        graph.resolve(ref.target)
        for fn in graph.functions.values()
        for ref in fn.refs
        if ref.text != "self"
        and not ref.instance
        and not makes_nothing(ref.receiver, ref.position, ref.keyword)
    } | {graph.resolve(cls) for cls in graph.escaping_classes()}


def async_call_methods(graph: CallGraph, passed_around: set[str | None]) -> list[str]:
    """``__call__`` of decorator classes, and of auths httpx drives, that may be async.

    Their instances are only ever the functions they decorate, called (and
    awaited) by those functions' names: never made by a call, never a value.
    """
    found = []
    for wrapper in graph.wrapped_by:
        fn = graph.functions[wrapper]
        owner = fn.class_qualname
        if fn.name != "__call__" or owner in passed_around:
            continue
        if not any(e.via == "call" for e in graph.callers.get(f"{owner}.__init__", [])):
            found.append(wrapper)
    # A requests auth that becomes an httpx.Auth: httpx drives its flow, awaiting an
    # ``async_auth_flow`` (one that fetches a token) as it runs an ``auth_flow``.
    found += [f"{c}.__call__" for c in graph.converted_auths if f"{c}.__call__" in graph.functions]
    return found


def picked_with_sync(
    graph: CallGraph, result: Colouring, refused: dict[str, str]
) -> dict[str, str]:
    """Constructors that would be awaited through a class picked by a value (see
    choices) together with a class whose constructor stays sync: ``await
    cls.create(...)`` needs every one of them async, so they all stay sync."""
    found: dict[str, str] = {}
    for fn in graph.functions.values():
        for call in fn.calls:
            choices = call.choices or graph.slot_classes(call)
            if not choices:
                continue
            inits = {cls: graph.resolve(f"{graph.resolve(cls) or cls}.__init__") for cls in choices}
            sync = [
                cls
                for cls, init in inits.items()
                if init not in graph.functions or not result.is_async(init)
            ]
            if not sync or len(sync) == len(inits):
                continue
            for init in inits.values():
                if init and init not in refused and result.is_async(init):
                    found[init] = (
                        f"constructor: picked with {short_name(sync[0])}, whose constructor"
                        f" stays sync, in {fn.name}"
                    )
    return found
