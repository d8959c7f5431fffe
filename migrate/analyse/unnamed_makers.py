"""Calls that may make a class used as a value, for types that flow (see typeflow).

A class kept in a registry, returned by a lookup or held in an attribute
(``self.return_obj = self._lookup_ret_obj(name)``, ``model = mapper.get(kind,
Record)``) is made where no call names it: ``self.return_obj(values, self.api,
self)``, ``model(item, self.api, self.endpoint)``. Any call of a value the
analysis cannot name (a local, an attribute, an item, what a call gives) may be
one of them when its arguments fit the constructor, so what those calls give
its parameters joins what the calls naming the class give: one type only when
they all agree. A class handed to code outside the project (``map(Record,
rows)``, ``defaultdict(Record)``, ``functools.partial(Record, api)``, which
hands on arguments of its own) may be made anywhere: its constructor's
parameters stay untyped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .frameworks import makes_nothing
from .library_names import LIBRARY_METHOD_NAMES
from .model import PARAM_PREFIX, RETURNS_SUFFIX, Call, Function
from .untyped import Graph

Site = tuple[Function, Call, int]

# What a class handed to these gives back or keeps, called (if ever) by the
# project's own code: ``getattr(model, name, Record)``, ``mapping.get(k, Record)``,
# ``classes.append(Record)``, ``dict(user=User)``.
_PASSED_ON = frozenset(
    {"builtins.getattr", "builtins.next", "builtins.dict", "builtins.list", "builtins.tuple"}
)
_KEPT_BY = ("get", "setdefault", "pop", "append", "insert", "add", "extend", "update")


def escaped_classes(
    functions: Collection[Function], resolve: Callable[[str | None], str | None], classes: set[str]
) -> set[str]:
    """The project classes handed, as values, to code outside the project."""
    escaped: set[str] = set()
    known = {fn.qualname for fn in functions}
    for fn in functions:
        for ref in fn.refs:
            if ref.instance or not ref.target or ref.text == "self":
                continue
            cls = resolve(ref.target) or ref.target
            if cls not in classes or makes_nothing(ref.receiver, ref.position, ref.keyword):
                continue
            receiver = ref.receiver or ""
            into = resolve(receiver) or receiver
            if into in known or into in classes or into in _PASSED_ON:
                continue
            if into.rpartition(".")[2] in _KEPT_BY and not into.startswith("builtins."):
                continue
            escaped.add(cls)
    return escaped


def unnamed_call(
    call: Call, resolved: str | None, owned: Callable[[str], bool], methods: frozenset[str]
) -> bool:
    """Whether ``call`` may call a class held as a value: a local, an item, an
    attribute (``self.return_obj``), what a project function gives, a parameter.
    Not a method (one of ``methods``, or a library's: ``name.replace(...)``,
    ``self.assertTrue(...)``), nor what an operator calls (``items[0]``), nor a
    function of a library (``json.dumps(...)``)."""
    if call.choices or call.chosen_by:
        return False  # see choices: the classes it picks are known
    name = resolved or call.target or ""
    last = (name or call.text).rpartition(".")[2]
    if last != "__call__" and (
        (last.startswith("__") and last.endswith("__"))
        or last in methods
        or last in LIBRARY_METHOD_NAMES
        or last.startswith("assert")
    ):
        return False
    if (call.param_target or "").startswith(PARAM_PREFIX) or not name:
        return True
    if name.endswith(RETURNS_SUFFIX + ".__call__"):  # ``cls = self._pick(); cls(...)``
        return owned(name)
    return RETURNS_SUFFIX not in name and owned(name)


def fits(init: Function, call: Call) -> bool:
    """Whether ``call``'s arguments fit ``init`` (after ``self``): every parameter it
    requires given, no more positional ones than it takes, no keyword it does not
    name. A call handing on ``*args`` or ``**kwargs`` may fit any."""
    if call.positional < 0 or "**" in call.keywords:
        return True
    if init.vararg is None and call.positional > init.positional - 1:
        return False
    named = init.params[1:]
    if any(
        named.index(p) >= call.positional and p not in call.keywords
        for p in init.required
        if p in named
    ):
        return False
    return init.kwarg is not None or all(k in named for k in call.keywords)


def unnamed_sites(
    graph: Graph,
    classes: set[str],
    values: set[str],
    callee: Callable[[Call], tuple[str | None, int]],
) -> dict[str, list[Site]]:
    """Each constructor of a class used as a value (one of ``values``) only inside
    the project, made by some call of an unnamed value -> the calls whose arguments
    fit it."""
    functions = graph.functions.values()
    escaped = escaped_classes(functions, graph.resolve, classes)
    inits = []
    for fn in functions:
        if fn.name != "__init__" or fn.class_qualname is None:
            continue
        made = {fn.class_qualname, *graph.subclasses(fn.class_qualname)}
        if made & values and not made & escaped:
            inits.append(fn)
    if not inits:
        return {}
    files = graph.project.files

    def owned(name: str) -> bool:
        parts = name.split(".")
        heads = (".".join(parts[:cut]) for cut in range(1, len(parts)))
        return any(head in classes or head in files for head in heads)

    methods = frozenset(fn.name for fn in functions if fn.class_qualname)
    unnamed = [
        (fn, call)
        for fn in functions
        for call in fn.calls
        if not graph.chosen(call)
        and callee(call)[0] is None
        and (graph.resolve(call.target) or call.target) not in classes
        and unnamed_call(call, graph.resolve(call.target), owned, methods)
    ]
    found = {
        init.qualname: [(fn, call, 1) for fn, call in unnamed if fits(init, call)] for init in inits
    }
    # None fits: the class is made outside the project (a registry it only fills).
    return {init: sites for init, sites in found.items() if sites}
