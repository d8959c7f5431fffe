"""Which dunders take their async twin, decided on the call graph (see twins).

A dunder whose twin name the class already has, or that is handed over as a
value (``filter(jobs.__contains__, names)``), stays sync. A site that runs
one other than as a single call (``jobs[name] += 1``) keeps the dunder,
which bridges to the twin: from async code that raises, so it is reviewed.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph
from .model import Call, Function
from .tree import short_name
from .twins import SETTER, TWIN_NAMES, setter_twin_name, twin_name


def twin_free(fn: Function, graph: CallGraph) -> bool:
    """Whether dunder ``fn`` may become its async twin."""
    if f"{fn.class_qualname}.{twin_name(fn.name, fn.is_generator)}" in graph.functions:
        return False
    return not any(edge.via == "ref" for edge in graph.callers.get(fn.qualname, []))


def kept_sync(fn: Function, graph: CallGraph) -> bool:
    """Whether ``fn`` is a dunder with a twin that must stay as it is (see twin_free)."""
    if not twin_name(fn.name, fn.is_generator) or fn.class_qualname is None:
        return False
    return not twin_free(fn, graph)


def setter_twin(fn: Function, graph: CallGraph) -> str | None:
    """The async twin property setter ``fn`` may become (``aset_token``): None when
    the class has that name already or no plain ``obj.token = v`` runs it (then it
    stays a setter, bridging to what becomes async)."""
    if not fn.qualname.endswith(SETTER) or fn.class_qualname is None or fn.is_async:
        return None
    twin = setter_twin_name(fn.qualname)
    if f"{fn.class_qualname}.{twin}" in graph.functions:
        return None
    written = (
        edge.via == "write" and edge.call is not None and edge.call.dunder == "set"
        for edge in graph.callers.get(fn.qualname, [])
    )
    return twin if any(written) else None


def setter_twins(graph: CallGraph) -> dict[str, str]:
    """Every property setter that may become its async twin, with the twin's name."""
    found = {}
    for fn in graph.functions.values():
        if fn.boundary == "property" and (twin := setter_twin(fn, graph)):
            found[fn.qualname] = twin
    return found


def is_twin(callee: str, graph: CallGraph) -> bool:
    fn = graph.functions[callee]
    return fn.name in TWIN_NAMES and fn.class_qualname is not None


def kept_dunder(call: Call, callee: str, graph: CallGraph) -> bool:
    """A site of a twin dunder that stays one (``jobs[k] += 1``): it does not make
    its caller async; the dunder bridges (see :func:`reviews`). Likewise an
    assignment running a setter other than alone (``api.count += 1``): the setter
    bridges to its twin (see review's setter sites)."""
    if call.dunder is None and callee.endswith(SETTER):
        return True
    return call.dunder is None and call.subscript and is_twin(callee, graph)


def reviews(graph: CallGraph, result: Colouring) -> list[Review]:
    """Sites in async code that keep a dunder whose twin became async."""
    found = []
    for fn in graph.functions.values():
        if not (fn.is_async or result.is_async(fn.qualname)):
            continue
        for call in fn.calls:
            if not call.subscript or call.dunder is not None:
                continue  # only ``jobs[k] += 1`` and the like keep a twin's dunder
            callee = graph.callee_of(call)
            if callee is None or not result.is_async(callee) or not is_twin(callee, graph):
                continue
            owner = short_name(graph.functions[callee].class_qualname or "")
            twin = result.renamed.get(callee, TWIN_NAMES[graph.functions[callee].name])
            found.append(
                Review(
                    fn.qualname,
                    call.span,
                    f"this runs {owner}.{graph.functions[callee].name}, which bridges to"
                    f" {twin} (async now) through async_to_sync, which raises on a running"
                    f" loop: call `await {call.text.rsplit('.', 1)[0]}.{twin}(...)` instead",
                )
            )
    return found


def membership_test(call: Call, callee: str, graph: CallGraph) -> bool:
    """``name in jobs``, or the ``await jobs.acontains(name)`` an earlier run made of
    it: an operator to the gathers, which only gather calls (a second run must find
    what the first did)."""
    if call.dunder in ("in", "not in"):
        return True
    fn = graph.functions[callee]
    dunder = "__contains__"
    return fn.name == TWIN_NAMES[dunder] and f"{fn.class_qualname}.{dunder}" in graph.functions
