"""Functions an instance keeps in an attribute to call later: ``self._fetch =
endpoint.get`` (or ``= partial(endpoint.get, size=3)``) in one method, then
``self._fetch(page)`` in another.

Where every assignment of that attribute in the class's family keeps a
function the analysis resolves (a method of an object whose type flows in, a
module's function), and the family only ever calls the attribute, each call
through it is a call of those functions: awaited once they become async, its
method async with them (a generator an async generator). Anything else (the
attribute handed on, set on other objects or from another value) leaves the
calls unlinked, and a kept function that becomes async is named in the plan:
it would be called without an ``await``.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph
from .kept_callbacks import link_call
from .model import Function, KeptFunction
from .tree import short_name

Kept = dict[tuple[str, str], list[tuple[Function, KeptFunction]]]


def link(graph: CallGraph) -> None:
    """Add each call through such an attribute to the graph as a call of the
    functions it may run."""
    for (family, attr), kept in _kept(graph).items():
        functions = [graph.resolve(k.target) for _, k in kept]
        if not all(f in graph.functions and not graph.functions[f].property for f in functions):
            continue
        methods = _family_methods(graph, family)
        if not _only_kept_and_called(graph, family, attr, len(kept), methods):
            continue
        targets = tuple(dict.fromkeys(f for f in functions if f))
        linked = False
        for method in methods:
            for call in method.calls:
                if call.text != f"self.{attr}" or id(call) in graph.named:
                    continue
                link_call(graph, method.qualname, call, targets)
                linked = True
        if linked:
            # The kept function is called where the attribute is: no value to bridge.
            graph.handed_callbacks |= {(fn.qualname, k.span) for fn, k in kept}


def unlinked(graph: CallGraph, result: Colouring) -> None:
    """A kept function that becomes async where the calls through its attribute
    are not linked (see the module docstring): named in the plan."""
    handed = graph.handed_callbacks
    for fn in graph.functions.values():
        for kept in fn.kept_functions:
            target = graph.resolve(kept.target)
            if (fn.qualname, kept.span) in handed or target not in graph.functions:
                continue
            if not result.is_async(target) or graph.functions[target].property:
                continue
            if any(r.function == fn.qualname and r.span == kept.span for r in result.review):
                continue
            if any(b.function == fn.qualname and b.span == kept.span for b in result.bridges):
                continue  # ``partial(endpoint.get)`` bridged as a value (see references)
            result.review.append(
                Review(
                    fn.qualname,
                    kept.span,
                    f"{short_name(target)} becomes async and is kept in self.{kept.attr},"
                    " which is called or handed on where the migration cannot follow:"
                    " await it where it is called",
                    unawaited=True,
                )
            )


def _kept(graph: CallGraph) -> Kept:
    flow = graph.flow
    found: Kept = {}
    for fn in graph.functions.values():
        for kept in fn.kept_functions:
            cls = fn.class_qualname or ""
            family = flow.family.get(cls, cls) if flow else cls
            found.setdefault((family, kept.attr), []).append((fn, kept))
    return found


def _family_methods(graph: CallGraph, family: str) -> list[Function]:
    flow = graph.flow
    return [
        fn
        for fn in graph.functions.values()
        if fn.class_qualname
        and (flow.family.get(fn.class_qualname, fn.class_qualname) if flow else fn.class_qualname)
        == family
    ]


def _only_kept_and_called(
    graph: CallGraph, family: str, attr: str, kept: int, methods: list[Function]
) -> bool:
    """Whether every assignment of ``self.<attr>`` in the family keeps a function
    (none sets it on other objects) and the family only calls it."""
    flow = graph.flow
    if flow is None or attr in flow.attr_writes:
        return False
    if len(flow.assigns.get((family, attr), ())) != kept:
        return False
    text = f"self.{attr}"
    handed = any(ref.text == text for fn in methods for ref in fn.refs)
    return not handed and not any(read.text == text for fn in methods for read in fn.reads)
