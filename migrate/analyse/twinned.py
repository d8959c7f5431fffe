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
from .twins import TWIN_NAMES, twin_name


def twin_free(fn: Function, graph: CallGraph) -> bool:
    """Whether dunder ``fn`` may become its async twin."""
    if f"{fn.class_qualname}.{twin_name(fn.name, fn.is_generator)}" in graph.functions:
        return False
    return not any(edge.via == "ref" for edge in graph.callers.get(fn.qualname, []))


def is_twin(callee: str, graph: CallGraph) -> bool:
    fn = graph.functions[callee]
    return fn.name in TWIN_NAMES and fn.class_qualname is not None


def kept_dunder(call: Call, callee: str, graph: CallGraph) -> bool:
    """A site of a twin dunder that stays one (``jobs[k] += 1``): it does not make
    its caller async; the dunder bridges (see :func:`reviews`)."""
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
