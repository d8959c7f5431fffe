"""Functions a class keeps to call later: ``contextmgr(self.sign_out)``, whose
``__exit__`` calls ``self._callback()``.

A constructor keeps a parameter as an attribute (``self._callback =
callback``) and a method of the class calls that attribute: the call runs
whatever function the constructor was handed. Where every construction of the
class in the project hands that parameter a project function, the call is
linked to those functions as a call of each: it is awaited once they become
async, and its method becomes async with them (an ``__exit__`` its
``__aexit__``, entered with ``async with``). A construction handing anything
else (a lambda, a value of unknown kind) leaves the call unlinked, as before.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph, Edge
from .model import Call
from .tree import short_name


def link(graph: CallGraph) -> None:
    """Add each such call to the graph as a call of the functions it may run."""
    for init in list(graph.functions.values()):
        if init.name != "__init__" or init.class_qualname is None or not init.kept_params:
            continue
        kept = {f"self.{attr}": param for param, attr in init.kept_params}
        handed = _handed(graph, init.qualname)
        if not handed:
            continue
        linked = False
        for method in graph.functions.values():
            if method.class_qualname != init.class_qualname or method is init:
                continue
            for call in method.calls:
                param = kept.get(call.text)
                functions = handed.get(param) if param else None
                if not functions or id(call) in graph.named:
                    continue
                link_call(graph, method.qualname, call, tuple(functions))
                linked = True
        if linked:
            sites = {(e.caller, e.call.span) for e in graph.callers[init.qualname] if e.call}
            graph.handed_callbacks |= {
                (caller, ref.span)
                for caller, where in sites
                for ref in graph.functions[caller].refs
                if ref.call_span == where
            }


def link_call(graph: CallGraph, method: str, call: Call, functions: tuple[str, ...]) -> None:
    """``call`` in ``method`` runs one of ``functions`` (what an attribute holds): a
    call of each, awaited once they become async."""
    graph.named[id(call)] = functions[0]
    graph.callback_calls[(method, call.span)] = functions
    for function in functions:
        edge = Edge(method, function, call.span, call)
        graph.edges.append(edge)
        graph.callers.setdefault(function, []).append(edge)


def _handed(graph: CallGraph, init: str) -> dict[str, list[str]]:
    """The project functions each parameter of constructor ``init`` is handed, for the
    parameters every construction hands one."""
    fn = graph.functions[init]
    sites = [(edge.caller, edge.call) for edge in graph.callers.get(init, []) if edge.call]
    found: dict[str, list[str]] = {}
    for param, _ in fn.kept_params:
        functions = []
        for caller, call in sites:
            position = fn.params.index(param) - 1  # after ``self``
            function = _function_given(graph, caller, call, position, param)
            if function is None:
                break  # a lambda, a value, a class: not one function the graph knows
            functions.append(function)
        else:
            if functions:
                found[param] = list(dict.fromkeys(functions))
    return found


def _function_given(
    graph: CallGraph, caller: str, call: Call, position: int, param: str
) -> str | None:
    """The project function ``call`` hands the parameter: a reference written there
    (``Later(fetch)``, ``Later(self.sign_out)``)."""
    for ref in graph.functions[caller].refs:
        if ref.call_span != call.span or not (ref.keyword == param or ref.position == position):
            continue
        function = graph.resolve(ref.target)
        return function if function in graph.functions else None
    return None


def settle(graph: CallGraph, result: Colouring) -> None:
    """A function handed to such a class is called by it, awaited where it became
    async: no bridge around it, and no review of it as a callback to a sync API."""
    handed = graph.handed_callbacks
    result.review = [r for r in result.review if (r.function, r.span) not in handed]
    for (method, where), functions in graph.callback_calls.items():
        kept_sync = [f for f in functions if not result.is_async(f)]
        now_async = [f for f in functions if result.is_async(f)]
        if result.is_async(method) and kept_sync and now_async:
            result.review.append(
                Review(
                    method,
                    where,
                    f"this runs the function its class was handed: {short_name(now_async[0])},"
                    f" async now, or {short_name(kept_sync[0])}, which stays sync; awaited,"
                    " the sync one's result would be awaited too: hand it functions of one kind",
                    unawaited=True,
                )
            )
    result.bridges = [
        b for b in result.bridges if not (b.is_reference and (b.function, b.span) in handed)
    ]
