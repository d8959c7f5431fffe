"""Properties that fetch: async methods read with ``await obj.name()``.

A property getter cannot await. One whose body now awaits becomes an async
method and every read of it (``obj.name``, wherever the instance flows)
becomes ``await obj.name()``; a ``functools.cached_property`` becomes an
async method under the package's ``cached_result`` helper, which keeps the
result on the instance as ``cached_property`` did, so each remote object is
still fetched once per instance.

The whole property stays sync, with the reason, when a read cannot follow:
code that stays sync reads it, a lambda does, or an attribute of the same
name is read on an object whose type is unknown (it may be this property,
and would silently become a bound method). A property with a setter or a
deleter stays sync too (an assignment or ``del`` cannot await): its getter is
a sync caller like any other, bridged to what became async.
"""

from __future__ import annotations

from .graph import CallGraph


def property_boundary(qualname: str, graph: CallGraph, boundaries: dict[str, str]) -> str | None:
    """Why property ``qualname`` must stay a sync property, or None."""
    fn = graph.functions[qualname]
    if fn.property is None:
        return None
    for edge in graph.callers.get(qualname, []):
        caller = graph.functions[edge.caller]
        if edge.call is None or edge.via != "call":
            return f"property {fn.name} used as a value in {caller.name}"
        if edge.call.in_lambda:
            return f"property {fn.name} read in a lambda in {caller.name}"
        if edge.caller in boundaries:
            return f"property {fn.name} read by sync code ({caller.name})"
    for reader, read in graph.unknown_reads.get(fn.name, []):
        where = graph.project.facts[graph.functions[reader].module].path
        return (
            f"property: {read.text} ({where}:{read.span.line}) may read {fn.name}"
            " on an object whose type is not known"
        )
    return None
