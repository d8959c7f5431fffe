"""Attributes and parameters typed by the methods called through them.

``Payment(self)`` made where no call site shows it (a class found by looking
through a module: ``setattr(self, name, Klass(self))``), and in its methods
``self.client.get(path)`` and ``self.client.upload(path, data)``: when one class
of the project has every method called through ``self.client`` (or a base
class of all that do), and one of those names is none a library value has
(``upload``), the attribute holds that class, as a developer reading the
methods would say. ``get`` is then that class's method, awaited where it
becomes async, instead of a call no type links.

Only where nothing the project shows gives the name a value: what is assigned
to it comes from parameters that every call site the project shows hands
nothing known (``None``, a test's plain mock), or that none does (a class made
where only its values are seen). An assignment or a call site handing a value
of another kind (``sqlite3.connect()``, a literal, a project class, its
caller's own ``*args``) keeps the type flow's answer, unless, for an
attribute, every one the project shows hands that very class (or nothing
known): ``APIObject(self)`` in the client, and ``cls(client, **kwargs)`` with
``cls`` picked at run time, where the methods called through
``self.api_client`` (read through a property) are the client's.
"""

from __future__ import annotations

from typing import Protocol

from .frameworks import plain_mock
from .given import NONE_GIVEN, given
from .library_names import LIBRARY_METHOD_NAMES
from .model import PARAM_PREFIX, Call, Function
from .signatures import accepts
from .untyped import NONE_YET, UNKNOWN, Graph, Key

# How far back along parameters handed on an assignment is followed.
_DEPTH = 6
# What ``class Client(object)`` derives from: no attribute of its own.
_OBJECT = frozenset({"object", "builtins.object"})


class Flow(Protocol):
    """What this asks of the type flow (see typeflow.TypeFlow)."""

    graph: Graph
    functions: dict[str, Function]
    classes: set[str]
    test_classes: set[str]
    bases: dict[str, list[str]]
    family: dict[str, str]
    attr_writes: set[str]
    assigns: dict[tuple[str, str], list[tuple[Function, str | None]]]
    other_writes: dict[str, list[tuple[Function, str]]]
    sites: dict[str, list[tuple[Function, Call, int]]]
    state: dict[Key, str]

    def attributes(self, typ: str, attrs: list[str]) -> str: ...

    def value(self, held: str | None, fn: Function) -> str: ...


def used_types(flow: Flow) -> tuple[dict[Key, str], dict[int, str]]:
    """The untyped attributes and parameters that the methods called through them
    give one project class; and those calls (their ids), with the name each is made
    through as written (``self.client``), for the plan to say the type is a guess."""
    defining: dict[str, set[str]] = {}
    for fn in flow.functions.values():
        if fn.class_qualname in flow.classes and fn.parent is None:
            defining.setdefault(fn.name, set()).add(fn.class_qualname)
    for facts in flow.graph.project.facts.values():
        for cls, aliases in facts.method_aliases.items():  # ``create = put``
            for alias in aliases:
                defining.setdefault(alias, set()).add(cls)
    members: dict[str, list[str]] = {}
    for cls, root in flow.family.items():
        members.setdefault(root, []).append(cls)
    found = {}
    used: dict[int, str] = {}
    for key, calls in _called_through(flow).items():
        names = {call.text.rpartition(".")[2] for call in calls}
        if flow.state.get(key, UNKNOWN) not in (NONE_YET, UNKNOWN):
            continue
        if all(m in LIBRARY_METHOD_NAMES for m in names):
            continue
        unseen = _unseen(flow, key, members)
        typ = _one_class(flow, key[2], calls, defining) if unseen or key[0] == "attr" else None
        if typ is not None and (unseen or _agrees(flow, key, typ)):
            found[key] = typ
            used.update((id(call), call.text.rpartition(".")[0]) for call in calls)
    return found, used


def _agrees(flow: Flow, key: Key, typ: str) -> bool:
    """Whether everything the project shows giving the attribute at ``key`` a value
    gives ``typ`` (or a subclass) or nothing known: the methods called through it
    and the values handed it agree, where it is also made where no call shows
    it (``cls(client, **kwargs)``, a class picked at run time)."""
    _, owner, name = key
    sources = [*flow.assigns.get((owner, name), ()), *flow.other_writes.get(name, ())]
    fitting = {typ, *flow.graph.subclasses(typ)}
    checking: set[tuple[str, str]] = set()
    return bool(sources) and all(
        _held_agrees(flow, held, fn, fitting, checking) for fn, held in sources
    )


def _held_agrees(
    flow: Flow, held: str | None, fn: Function, fitting: set[str], checking: set[tuple[str, str]]
) -> bool:
    if held is None:
        # A test's stand-in (``api_client = lambda x: x``) stands for anything.
        return flow.graph.project.facts[fn.module].is_test_file
    if _held_unseen(flow, held, fn, 1):
        return True
    param, *attrs = held.removeprefix(PARAM_PREFIX).split(".")
    if held.startswith(PARAM_PREFIX) and not attrs and param in fn.params:
        if (fn.qualname, param) in checking:
            return True  # handed on to itself (``new_api_object(client, value)``)
        if len(checking) >= _DEPTH * 4:
            return False
        checking.add((fn.qualname, param))
        sites = flow.sites.get(fn.qualname, ())
        return bool(sites) and all(
            _held_agrees(flow, given(fn, call, offset, param, caller), caller, fitting, checking)
            for caller, call, offset in sites
        )
    return flow.value(held, fn) in fitting


def _called_through(flow: Flow) -> dict[Key, list[Call]]:
    """Each untyped name some method is called through, and those calls."""
    found: dict[Key, list[Call]] = {}
    for fn in flow.functions.values():
        for call in fn.calls:
            method = call.text.rpartition(".")[2]
            if "." not in call.text or method.startswith("__") or call.plain_receiver:
                continue
            if call.iterates or call.subscript or call.dunder or call.refusal:
                continue
            key = _param_key(fn, call) or _attr_key(flow, call)
            if key is not None:
                found.setdefault(key, []).append(call)
    return found


def _param_key(fn: Function, call: Call) -> Key | None:
    """``client.get()`` in ``def fetch(client)``: the parameter."""
    held = (call.param_target or "").removeprefix(PARAM_PREFIX)
    param, dot, rest = held.partition(".")
    if dot and rest and "." not in rest and param in fn.params[1 if fn.class_qualname else 0 :]:
        return ("param", fn.qualname, param)
    return None


def _attr_key(flow: Flow, call: Call) -> Key | None:
    """``self.client.get()``, resolved to ``Payment.client.get``: the attribute."""
    target = flow.graph.resolve(call.target) if call.target else None
    if not target or target in flow.functions or target.startswith("<"):
        return None
    parts = target.split(".")[:-1]
    for cut in range(len(parts) - 1, 0, -1):
        head = ".".join(parts[:cut])
        if head not in flow.classes:
            continue
        owner = head
        for attr in parts[cut:-1]:
            typ = flow.attributes(owner, [attr])
            owner = flow.graph.resolve(typ) or typ  # ``razorpay.Client``, re-exported
        attr = parts[-1]
        method = flow.functions.get(flow.graph.resolve(f"{owner}.{attr}") or "")
        if method is not None and method.property and method.returns_self_attr:
            attr = method.returns_self_attr  # ``api_client`` giving ``self.__api_client``
        elif method is not None:
            return None  # a method or property: what it gives is typed elsewhere
        if owner not in flow.classes or flow.graph.attr_type(owner, attr) is not None:
            return None
        return ("attr", flow.family.get(owner, owner), attr)
    return None


def _unseen(flow: Flow, key: Key, members: dict[str, list[str]]) -> bool:
    """Whether nothing the project shows gives the name at ``key`` a value: what
    is assigned to it comes only from hidden or empty-handed callers."""
    kind, owner, name = key
    if kind == "param":
        return _param_unseen(flow, flow.functions[owner], name, _DEPTH)
    sources = [*flow.assigns.get((owner, name), ()), *flow.other_writes.get(name, ())]
    if not sources:
        # Set by no code of the project's: by ``setattr``, not by a library base class.
        family = members.get(owner, [owner])
        return name not in flow.attr_writes and all(
            (flow.graph.resolve(base) or base) in flow.classes | _OBJECT
            for cls in family
            for base in flow.bases.get(cls, ())
        )
    return all(_held_unseen(flow, held, fn, _DEPTH) for fn, held in sources)


def _param_unseen(flow: Flow, fn: Function, param: str, depth: int) -> bool:
    """Whether every call site the project shows hands ``param`` nothing known
    (none at all where ``fn`` is only called where no call site shows it)."""
    return all(
        _held_unseen(flow, given(fn, call, offset, param, caller), caller, depth - 1)
        for caller, call, offset in flow.sites.get(fn.qualname, ())
    )


def _held_unseen(flow: Flow, held: str | None, fn: Function, depth: int) -> bool:
    if depth <= 0 or held is None:
        return False
    if held == NONE_GIVEN:
        return True
    if plain_mock(held) and flow.graph.project.facts[fn.module].is_test_file:
        return True
    if not held.startswith(PARAM_PREFIX):
        return False
    param, *attrs = held.removeprefix(PARAM_PREFIX).split(".")
    return not attrs and param in fn.params and _param_unseen(flow, fn, param, depth)


def _one_class(
    flow: Flow, name: str, calls: list[Call], defining: dict[str, set[str]]
) -> str | None:
    """The project class having a method for every one of ``calls``, taking what
    each is given: the one that does, the one named like the attribute
    (``payment_link``, a PaymentLink) or the base of all that do."""
    methods = {call.text.rpartition(".")[2] for call in calls}
    seeds = set.union(*(defining.get(m, set()) for m in methods))
    candidates = {c for seed in seeds for c in (seed, *flow.graph.subclasses(seed))}
    fits = sorted(
        cls
        for cls in candidates - flow.test_classes
        if cls in flow.classes and all(_fits(flow, cls, call) for call in calls)
    )
    named = [cls for cls in fits if _spelt(cls.rpartition(".")[2]) == _spelt(name)]
    if len(named) == 1:
        return named[0]
    for cls in fits:
        below = set(flow.graph.subclasses(cls))
        if all(other == cls or other in below for other in fits):
            return cls
    return None


def _fits(flow: Flow, cls: str, call: Call) -> bool:
    method = flow.graph.resolve(f"{cls}.{call.text.rpartition('.')[2]}")
    return method in flow.functions and accepts(flow.functions[method], call)


def _spelt(name: str) -> str:
    return name.replace("_", "").lower()
