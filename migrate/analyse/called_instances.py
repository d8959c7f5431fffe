"""Callable instances whose ``__call__`` may become async.

``self.orders = Endpoint(self, "/orders")``, then ``api.orders(7)``: calling
the instance runs ``Endpoint.__call__`` (see :meth:`CallGraph.instance_call`),
and the graph links each such call where a typed name or attribute holds the
instance. Like any method, ``__call__`` may then await, and every call of it
is awaited, when no instance can be called where the analysis cannot see: the
class is never a value nor subclassed, every instance is made as the whole
value of ``name = C(...)`` or ``self.name = C(...)``, spelt as the class, and
none is handed on, returned, put in a container, bound to another name or
replaced by a test's fake (an attribute holding one, by its name: ``api.rank``,
whatever ``api`` is).
Otherwise ``__call__`` stays sync, bridging to what became async.
"""

from __future__ import annotations

from .descriptors import instance_holders
from .graph import CallGraph


def async_instance_calls(graph: CallGraph, passed_around: set[str | None]) -> list[str]:
    """The ``__call__`` methods that may become async, as above."""
    candidates = {
        fn.class_qualname: fn.qualname
        for fn in graph.functions.values()
        if fn.name == "__call__" and fn.class_qualname and fn.boundary == "dunder"
    }
    for cls in list(candidates):
        inherited = graph.project_bases(cls) - {cls}
        if (
            cls in passed_around
            or graph.subclasses(cls)
            or any(f"{base}.__call__" in graph.functions for base in inherited)
        ):
            del candidates[cls]
    if not candidates:
        return []
    facts = graph.project.facts.values()
    loose = {graph.resolve(t) for f in facts for t in f.instance_values}
    # Attributes holding one, by name: ``api.rank`` handed on, ``api`` of no known type.
    held_in: dict[str, set[str | None]] = {}
    for cls, pairs in instance_holders(facts, graph.resolve).items():
        for _, attr in pairs if cls in candidates else ():
            held_in.setdefault(attr, set()).add(cls)
    # Read as a value, set on another object, or a fake put in its place by a test
    # (``patch.object(api, "rank")``, ``api.rank = Mock()``): a mock's calls give no
    # awaitable. A patched class makes mocks, too.
    read = {attr for f in facts for attr in (*f.value_attrs, *f.attr_writes, *f.attr_values)}
    patched = {p.target for fn in graph.functions.values() for p in fn.patches if p.target}
    read |= {target.rpartition(".")[2] for target in patched}
    loose.update(cls for attr, classes in held_in.items() if attr in read for cls in classes)
    loose.update(graph.resolve(target) for target in patched)
    for fn in graph.functions.values():
        loose.update(graph.resolve(ref.target) for ref in fn.refs if ref.instance)
        handed = (ref.text.rpartition(".")[2] for ref in fn.refs if "." in ref.text)
        loose.update(cls for attr in handed for cls in held_in.get(attr, ()))
        for call in fn.calls:
            made = graph.resolve(call.target)
            if made in candidates and not call.held and graph.instance_call(call, made) is None:
                loose.add(made)  # made where no typed name holds it, or called unseen
    return [
        method
        for cls, method in candidates.items()
        if cls not in loose and all(edge.via == "call" for edge in graph.callers.get(method, []))
    ]
