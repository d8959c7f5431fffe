"""Classes handed in and kept to be called: ``Listing(client, "/orders", Order)``.

A paginated list or a collection makes its items through the class its
caller hands it (``def __init__(self, client, path, item_class): self.item_class
= item_class``, then ``self.item_class(self.client, data)``). When the
attribute is set only there, from that parameter, and only ever called
(through a receiver the analysis knows to be a project class's instance, like
a class attribute slot, see class_slots), and every call of that ``__init__``
hands it a project class by name (a call handing nothing there hands the
parameter's default, ``item_class=Model``), each call through the attribute
is a call site of every one of those classes: their constructors' parameters
get what it gives (see typeflow), and the classes handed there are no values
handed where no call shows them.

A parameter the body only ever calls (``def build(model_class, client, data):
return model_class(client, data)``) is the same: when every call of the
function (a module's function or a constructor) hands it a class by name,
each call of it is a call site of those classes, and what the function
returns of it (``<made by>``, see made_by) is one of them.

Anything else keeps the classes values, as before: a call handing something
other than a class name there (a variable), an attribute set anywhere else
or read other than to call it, a method other than a constructor (a call
through a receiver of no known type may reach it), a function or class used
as a value, decorated, or named by a module not analysed yet.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .class_slots import Resolve, only_called
from .methods import offset_of
from .model import PARAM_PREFIX, Call, Function, ModuleFacts, Ref, Span


@dataclass
class Handed:
    """What :func:`handed` finds: the attributes holding classes, the calls through
    a parameter making one of them (by ``id`` of the call), and where the classes
    are handed in (module, span)."""

    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    calls: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # (function, parameter) -> the classes every call hands it (see made_by).
    params: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    spans: frozenset[tuple[str, Span]] = frozenset()


def handed(
    classes: set[str],
    facts: Iterable[ModuleFacts],
    functions: dict[str, Function],
    resolve: Resolve,
    hidden: Callable[[Function], bool],
) -> Handed:
    """The attributes and parameters the project's classes are handed to, to be
    called there (see the module docstring)."""
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
    kept = {
        attr: kept[attr]
        for attr in only_called(dict.fromkeys(kept, ()), classes, functions.values(), resolve)
    }
    called = [
        (fn, param)
        for fn in functions.values()
        if fn.called_params and (fn.name == "__init__" or fn.class_qualname is None)
        for param in fn.called_params
        if not hidden(fn)
    ]
    wanted = {fn.qualname for fn, _ in (*kept.values(), *called)}
    if not wanted:
        return Handed()
    sites = _sites(wanted, classes, functions, resolve)
    found = Handed()
    spans: set[tuple[str, Span]] = set()
    for attr, (fn, param) in kept.items():
        refs = _handed(fn, param, sites.get(fn.qualname, []), classes, resolve)
        if refs:
            found.slots[attr] = _classes(refs, resolve)
            spans.update((module, r.span) for module, r in refs)
    for fn, param in called:
        refs = _handed(fn, param, sites.get(fn.qualname, []), classes, resolve)
        if refs:
            made = found.params[(fn.qualname, param)] = _classes(refs, resolve)
            for call in fn.calls:
                if call.param_target == PARAM_PREFIX + param:
                    found.calls[id(call)] = made
            spans.update((module, r.span) for module, r in refs)
    found.spans = frozenset(spans)
    return found


def _classes(refs: list[tuple[str, Ref]], resolve: Resolve) -> tuple[str, ...]:
    return tuple(sorted({resolve(r.target) or r.target or "" for _, r in refs}))


def class_called(call: Call) -> bool:
    """Whether ``call`` may make a project class picked by a value: through a name
    bound to one (see choices), a function returning one, or a parameter itself
    (``model_class(client, data)``); what it is given is noted for those classes."""
    held = call.param_target or ""
    through_param = held.startswith(PARAM_PREFIX) and "." not in held.removeprefix(PARAM_PREFIX)
    return bool(call.choices or call.chosen_by or through_param)


def called_params(
    function: ast.FunctionDef | ast.AsyncFunctionDef, params: tuple[str, ...]
) -> tuple[str, ...]:
    """The parameters ``function``'s body only ever calls, never binds again."""
    loads: dict[str, int] = {}
    calls: dict[str, int] = {}
    bound: set[str] = set()
    for stmt in function.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and node.id in params:
                if isinstance(node.ctx, ast.Load):
                    loads[node.id] = loads.get(node.id, 0) + 1
                else:
                    bound.add(node.id)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                calls[node.func.id] = calls.get(node.func.id, 0) + 1
            elif isinstance(node, ast.Global | ast.Nonlocal | ast.arg):
                bound.update(getattr(node, "names", None) or [getattr(node, "arg", "")])
    return tuple(p for p in params if p in loads and loads[p] == calls.get(p, 0) and p not in bound)


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
) -> list[tuple[str, Ref]]:
    """The class names each site hands ``param``, with their modules; none unless every
    site hands one."""
    index = fn.params.index(param)
    # ``def connect(base, factory=Client)``: what a call giving nothing there hands.
    default = next(
        (Ref(span, name, name, None) for p, name, span in fn.function_defaults if p == param),
        None,
    )
    handed = []
    for caller, call in sites:
        offset = offset_of(fn, call)
        ref = _ref_at(caller, call, param, index - offset)
        module = caller.module
        given = param in call.keywords or call.star_kwargs or call.star_args
        if ref is None and not given and 0 <= call.positional <= index - offset:
            ref, module = default, fn.module
        target = resolve(ref.target) if ref is not None and ref.target else None
        if ref is None or ref.instance or (target or ref.target) not in classes:
            return []
        handed.append((module, ref))
    return handed


def _ref_at(caller: Function, call: Call, param: str, position: int) -> Ref | None:
    """What ``call`` (in ``caller``) hands ``param`` by name, at that keyword or position."""
    at = [r for r in caller.refs if r.call_span == call.span]
    return next((r for r in at if r.keyword == param), None) or next(
        (r for r in at if r.position is not None and r.position == position), None
    )


def classes_handed(
    fn: Function, param: str, classes: set[str], functions: dict[str, Function], resolve: Resolve
) -> list[str]:
    """The project classes the visible calls of ``fn`` hand its parameter ``param`` by
    name (``self._build_session(SignedAuth, key)``), each one, whatever the other
    calls hand."""
    index = fn.params.index(param)
    found = set()
    for caller, call in _sites({fn.qualname}, classes, functions, resolve).get(fn.qualname, []):
        ref = _ref_at(caller, call, param, index - offset_of(fn, call))
        target = resolve(ref.target) or ref.target if ref is not None and ref.target else None
        if ref is not None and not ref.instance and target in classes:
            found.add(target)
    return sorted(found)
