"""Classes handed in and kept to be called: ``Listing(client, "/orders", Order)``.

A paginated list or a collection makes its items through the class its
caller hands it (``def __init__(self, client, path, item_class): self.item_class
= item_class``, then ``self.item_class(self.client, data)``). When the
attribute is set only there, from that parameter, and only ever called
(through a receiver the analysis knows to be a project class's instance, like
a class attribute slot, see class_slots), and every call of that ``__init__``
(or method) hands it a project class by name, each call through the attribute
is a call site of every one of those classes: their constructors' parameters
get what it gives (see typeflow), and the classes handed there are no values
handed where no call shows them.

Anything else keeps the classes values, as before: a call handing something
other than a class name there (a variable, the default), an attribute set
anywhere else or read other than to call it, a function called where no
call shows what it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .class_slots import Resolve, only_called
from .methods import offset_of
from .model import PARAM_PREFIX, Call, Function, ModuleFacts, Ref, Span


def handed_slots(
    classes: set[str],
    facts: Iterable[ModuleFacts],
    functions: dict[str, Function],
    resolve: Resolve,
    hidden: Callable[[Function], bool],
) -> tuple[dict[str, tuple[str, ...]], frozenset[Span]]:
    """Attribute name -> the project classes handed to be kept in it, and where
    (the spans of those class names at the calls handing them)."""
    modules = list(facts)
    assigned: dict[str, list[tuple[Function, str | None]]] = {}
    for fn in functions.values():
        for attr, held in fn.self_assigns:
            assigned.setdefault(attr, []).append((fn, held))
    elsewhere = set().union(
        *(set(m.attr_classes) | m.attr_writes | set(m.attr_values) for m in modules)
    )
    kept: dict[str, tuple[Function, str]] = {}
    for attr, writes in assigned.items():
        if len(writes) != 1 or attr in elsewhere:
            continue
        fn, held = writes[0]
        param = (held or "").removeprefix(PARAM_PREFIX)
        # A constructor: a method might also be called through a receiver of no known type.
        init = fn.name == "__init__"
        if init and (held or "").startswith(PARAM_PREFIX) and param in fn.params and not hidden(fn):
            kept[attr] = (fn, param)
    if not kept:
        return {}, frozenset()
    kept = {
        attr: kept[attr]
        for attr in only_called(dict.fromkeys(kept, ()), classes, functions.values(), resolve)
    }
    sites = _sites({fn.qualname for fn, _ in kept.values()}, classes, functions, resolve)
    slots: dict[str, tuple[str, ...]] = {}
    spans: set[Span] = set()
    for attr, (fn, param) in kept.items():
        handed = _handed(fn, param, sites.get(fn.qualname, []), classes, resolve)
        if handed:
            slots[attr] = tuple(sorted({resolve(r.target) or r.target or "" for r in handed}))
            spans.update(r.span for r in handed)
    return slots, frozenset(spans)


def _sites(
    wanted: set[str], classes: set[str], functions: dict[str, Function], resolve: Resolve
) -> dict[str, list[tuple[Function, Call]]]:
    """The calls of each wanted function (its class's, for ``__init__``), by caller."""
    found: dict[str, list[tuple[Function, Call]]] = {}
    for caller in functions.values():
        for call in caller.calls:
            target = resolve(call.target) if call.target else None
            if target in classes:
                target = resolve(f"{target}.__init__")
            if target in wanted:
                found.setdefault(target or "", []).append((caller, call))
    return found


def _handed(
    fn: Function,
    param: str,
    sites: list[tuple[Function, Call]],
    classes: set[str],
    resolve: Resolve,
) -> list[Ref]:
    """The class names each site hands ``param``; none unless every site hands one."""
    index = fn.params.index(param)
    handed = []
    for caller, call in sites:
        offset = offset_of(fn, call)
        at = [r for r in caller.refs if r.call_span == call.span]
        ref = next((r for r in at if r.keyword == param), None) or next(
            (r for r in at if r.position is not None and r.position + offset == index), None
        )
        target = resolve(ref.target) if ref is not None and ref.target else None
        if ref is None or ref.instance or (target or ref.target) not in classes:
            return []
        handed.append(ref)
    return handed
