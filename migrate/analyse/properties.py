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
a sync caller like any other, bridged to what became async. A plain property
kept sync only for some readers (sync code, or an unknown object's attribute of
that name) gets an async twin, ``aversion`` for ``version``: the property stays
as a one-line bridge for those readers, and async code knowing the type awaits
the twin (see :func:`twin_property`).
"""

from __future__ import annotations

from .graph import CallGraph


def twin_property(qualname: str, why: str, graph: CallGraph) -> str | None:
    """The async twin a plain property kept sync only for some of its readers takes
    (``version`` -> ``aversion``): those readers go on reading the property, which
    bridges to the twin, and async code that knows the type awaits the twin. None
    when the readers that keep it can be no others (a lambda, a value) or the name
    is taken."""
    fn = graph.functions[qualname]
    readers = ("property: ", f"property {fn.name} read by sync code")
    if fn.property != "property" or fn.class_qualname is None or not why.startswith(readers):
        return None
    if fn.is_generator:
        return None  # its readers take its items: no one value for a bridge to give
    twin = f"a{fn.name}"
    return None if f"{fn.class_qualname}.{twin}" in graph.functions else twin


def kept_shim(qualname: str, graph: CallGraph) -> str | None:
    """Why a property an earlier run kept for sync readers, now only ``return
    async_to_sync(self.aversion)()``, stays as it is: it is the bridge for readers
    this analysis may not see (the package's users), whatever reads it now."""
    fn = graph.functions[qualname]
    twin = fn.twin_shim
    if fn.property != "property" or twin != f"a{fn.name}":
        return None
    if f"{fn.class_qualname}.{twin}" not in graph.functions:
        return None
    return f"property {fn.name} bridges sync readers to its async twin {twin}"


def property_boundary(qualname: str, graph: CallGraph, boundaries: dict[str, str]) -> str | None:
    """Why property ``qualname`` must stay a sync property, or None."""
    fn = graph.functions[qualname]
    if fn.property is None:
        return None
    if (shim := kept_shim(qualname, graph)) is not None:
        return shim
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
