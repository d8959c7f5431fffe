"""Calls on objects of unknown type, linked by the method's name.

``requester.get_url(url)``, where ``requester`` comes from something no type
reaches (an override returning what an untyped caller handed in, a parameter
no annotation or call site types), calls one of the project's ``get_url``
methods, or a method of some object the project does not define. When every
method of that name in the project becomes async, and the name is not one a
builtin, a mock, a logger or an HTTP client has, the call is taken for one of
them: it is linked to each (awaited, or bridged from code that stays sync),
as a developer reading ``grep get_url`` would do. Left alone, it would hand
its caller a coroutine. A name builtins have too (``get``) counts on an
attribute that holds one project class wherever the project sets it
(``client.products.get(1)``, every ``products`` an Endpoint): the call is
that class's method (see attribute_types).

When only some of them become async, the call stays as it is and the plan
names it (``review.find_reviews``): awaiting would fail on the sync ones.
A method the call's arguments cannot be given to (``tagger.update_tags(item)``
and ``_Tagger.update_tags(self, baseurl, item)``, which needs two) is no
candidate: the call would raise TypeError on it. Only where the signature is
the one called: a method some other decorator wraps may take other arguments.
A test's own class with a method of that name (``DummyRequester.get_url``,
handed in where a Requester goes) does not count: it stands in for the
project's, so it becomes async with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import lookup
from .decisions import Colouring, Reason
from .graph import CallGraph, Edge
from .library_names import LIBRARY_METHOD_NAMES
from .made_by import MADE_BY_PARAM
from .model import NAMED_PREFIX, Call
from .signatures import accepts

# What making an instance runs.
CONSTRUCTORS = frozenset({"__init__", "__new__", "__post_init__"})


@dataclass(frozen=True)
class Site:
    """A call on an object of unknown type, and the project methods it may reach."""

    function: str
    call: Call
    candidates: tuple[str, ...]
    # The candidates test modules define: stand-ins for the others.
    stand_ins: tuple[str, ...]
    # The attribute the call is made on, where that tells the candidate (attribute_types).
    held_in: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        return self.function, self.call.span.line, self.call.span.col


def unresolved(graph: CallGraph, target: str) -> bool:
    """Whether ``target`` is a path into the project that stops at no function or
    class (``Base.get_api().client.fetch`` where no one type is known for ``client``)."""
    if target in graph.functions or graph.value_type(target) == target:
        return False
    if target.startswith(MADE_BY_PARAM):
        # ``build(User, data).refresh()``: an instance of the class ``build`` is handed.
        return True
    if target.endswith(("__enter__", "__exit__")):
        return False  # ``with self.assertRaises(...)``: a method some library base gives
    parts = target.split(".")
    return any(".".join(parts[:cut]) in graph.project.facts for cut in range(1, len(parts)))


def _in_tests(graph: CallGraph, qualname: str) -> bool:
    return graph.project.facts[graph.functions[qualname].module].is_test_file


def _test_class(graph: CallGraph, cls: str) -> bool:
    module = cls.rpartition(".")[0]
    return module in graph.project.facts and graph.project.facts[module].is_test_file


def method_names(graph: CallGraph) -> dict[str, list[str]]:
    """The project's methods by name (or by a name their class body binds them to),
    for names no library value has."""
    found: dict[str, list[str]] = {}
    for fn in graph.functions.values():
        if fn.class_qualname and fn.parent is None and fn.name not in LIBRARY_METHOD_NAMES:
            found.setdefault(fn.name, []).append(fn.qualname)
    for facts in graph.project.facts.values():
        for cls, aliases in facts.method_aliases.items():
            for alias, method in aliases.items():  # ``create = put``: put, named create
                if f"{cls}.{method}" in graph.functions and alias not in LIBRARY_METHOD_NAMES:
                    found.setdefault(alias, []).append(f"{cls}.{method}")
    return found


def attribute_values(graph: CallGraph) -> dict[str, set[str | None]]:
    """What each attribute name holds where a class sets it on its instances: the
    type each class gives it (None where it has no one type)."""
    held: dict[str, set[str | None]] = {}
    for one in graph.self_assigned():
        held.setdefault(one.attr, set()).add(graph.resolve(one.typ) if one.typ else None)
    return held


def attribute_types(graph: CallGraph) -> dict[str, str]:
    """Attribute names that hold one project class wherever the project sets them:
    ``api.users`` is an Endpoint whatever ``api`` is, when every ``users`` any class
    sets holds an Endpoint, nothing sets one on another object, no class body
    binds the name and no method has it."""
    held = attribute_values(graph)
    unknown = {fn.name for fn in graph.functions.values() if fn.class_qualname}
    for facts in graph.project.facts.values():
        unknown.update(facts.attr_writes, facts.attr_values)
        unknown.update(a for attrs in facts.class_attrs.values() for a in attrs)
    classes = graph.class_names()
    found = {}
    for attr, types in held.items():
        one = next(iter(types)) if len(types) == 1 else None
        if one in classes and attr not in unknown:
            found[attr] = one
    return found


def find_sites(graph: CallGraph) -> list[Site]:
    """The calls no type links, of a method name only project classes define, or
    of a library name on an attribute that holds one project class."""
    by_name = method_names(graph)
    holding = attribute_types(graph)
    found = []
    for fn in graph.functions.values():
        for call in fn.calls:
            receiver, _, method = call.text.rpartition(".")
            if method not in by_name:
                held = holding.get(receiver.rpartition(".")[2]) if "." in receiver else None
                typed = graph.resolve(f"{held}.{method}") if held else None
                if typed not in graph.functions or not _untyped(graph, call):
                    continue
                if accepts(graph.functions[typed or ""], call):
                    held_in = receiver.rpartition(".")[2]
                    found.append(Site(fn.qualname, call, (typed or "",), (), held_in))
                continue
            if not _untyped(graph, call):
                continue
            candidates = [m for m in by_name[method] if accepts(graph.functions[m], call)]
            tests = {m for m in candidates if _in_tests(graph, m)}
            if len(tests) < len(candidates):
                site = Site(fn.qualname, call, tuple(sorted(candidates)), tuple(sorted(tests)))
                found.append(site)
    return found


def _untyped(graph: CallGraph, call: Call) -> bool:
    if "." not in call.text or call.plain_receiver or call.refusal:
        return False
    if call.iterates or call.subscript or call.dunder or call.choices or call.chosen_by:
        return False
    if graph.slot_classes(call):
        return False
    if call.text.startswith("super("):
        return False
    target = graph.resolve(call.target) if call.target else None
    if target is None:
        return True
    if lookup(target) or graph.callee_of(call) is not None:
        return False
    return unresolved(graph, target)


def all_async(sites: list[Site], graph: CallGraph, result: Colouring) -> set[tuple[str, int, int]]:
    """The sites every candidate of which, stand-ins aside, is async (or becomes so)."""
    return {
        site.key
        for site in sites
        if all(
            result.now_async(graph.functions[m]) for m in site.candidates if m not in site.stand_ins
        )
    }


def stand_ins(sites: list[Site], graph: CallGraph, result: Colouring) -> dict[str, Reason]:
    """The sync stand-ins of the sites' methods, and why they become async."""
    found = {}
    for site in sites:
        real = next(m for m in site.candidates if m not in site.stand_ins)
        for method in site.stand_ins:
            if not result.now_async(graph.functions[method]):
                found[method] = Reason(real, graph.functions[real].span, "named")
    return found


def stand_in_methods(
    graph: CallGraph, result: Colouring, joined: dict[str, Reason]
) -> dict[str, Reason]:
    """Methods of a test's classes whose instances the test hands in where the code
    takes its own objects (typeflow's ``stand_ins``), or that stand in for one by
    name already (``joined``), that have the name of a method of the class they
    stand for which becomes async: the code awaits them now. So do those of the
    items a stand-in holds (``FakeDevices(list[FakeDevice])`` for a manager whose
    items are Devices: each FakeDevice stands in for a Device)."""
    stood_for = graph.flow.stood_for() if graph.flow is not None else {}
    for method, reason in joined.items():
        own, stood = graph.functions.get(method), graph.functions.get(reason.callee)
        if reason.kind == "named" and own and stood and own.class_qualname and stood.class_qualname:
            stood_for.setdefault(own.class_qualname, set()).add(stood.class_qualname)
    todo = [(fake, cls) for fake, classes in stood_for.items() for cls in classes]
    while todo:
        fake, cls = todo.pop()
        # What it holds, and what its attributes hold (``FakeAccount.devices``, a
        # FakeDevices, for ``Account.devices``), stand in for the same of ``cls``.
        module = graph.project.facts.get(fake.rpartition(".")[0])
        attrs = module.attr_types.get(fake, {}) if module is not None else {}
        pairs = [(graph.yielded(fake), graph.yielded(cls))]
        pairs += [(held, graph.attr_type(cls, attr)) for attr, held in attrs.items()]
        for held, real in pairs:
            if held is None or real is None or held == real or not _test_class(graph, held):
                continue
            if held not in graph.subclasses(real) and real not in stood_for.get(held, set()):
                stood_for.setdefault(held, set()).add(real)
                todo.append((held, real))
    found = {}
    for fn in graph.functions.values():
        if fn.class_qualname not in stood_for or result.now_async(fn) or fn.name in CONSTRUCTORS:
            continue  # the test makes its stand-in itself: its constructor is not the code's
        for cls in sorted(stood_for[fn.class_qualname]):
            real = graph.resolve(f"{cls}.{fn.name}")
            if real in graph.functions and result.now_async(graph.functions[real]):
                found[fn.qualname] = Reason(real, graph.functions[real].span, "named")
                break
    return found


def link(graph: CallGraph, sites: list[Site]) -> None:
    """Add each site's call to the graph as a call of every candidate."""
    for site in sites:
        graph.named[id(site.call)] = next(m for m in site.candidates if m not in site.stand_ins)
        if site.held_in:
            graph.named_through[id(site.call)] = site.held_in
        for method in site.candidates:
            edge = Edge(site.function, method, site.call.span, site.call)
            graph.edges.append(edge)
            graph.callers.setdefault(method, []).append(edge)


def link_bridges(graph: CallGraph) -> None:
    """``async_to_sync(_client().current)(city)``, an earlier step's bridge to a method
    of an object no type reaches: linked, as a call would be, to the project's
    methods of that name when every one is async already, so the bridge goes once
    its caller becomes async (see colour._unwind)."""
    by_name = method_names(graph)
    for fn in list(graph.functions.values()):
        for ref in fn.refs:
            method = ref.text.rpartition(".")[2]
            if "." not in ref.text or method not in by_name or not ref.call_called:
                continue
            if graph.resolve(ref.receiver) != "asgiref.sync.async_to_sync":
                continue
            if ref.target and graph.resolve(ref.target) in graph.functions:
                continue  # typed: linked already
            found = [m for m in by_name[method] if not _in_tests(graph, m)]
            if not found or not all(graph.functions[m].is_async for m in found):
                continue
            for candidate in found:
                if any(e.ref is ref for e in graph.callers.get(candidate, [])):
                    continue  # linked on an earlier colouring of this graph
                edge = Edge(fn.qualname, candidate, ref.span, None, via="ref", ref=ref)
                graph.edges.append(edge)
                graph.callers.setdefault(candidate, []).append(edge)


def named_target(
    graph: CallGraph, result: Colouring, target: str | None, names: dict[str, list[str]]
) -> str | None:
    """What a fake put in place of ``<named>.method`` (or of a method on an object no
    type reaches) replaces: the project's method of that name when every one
    becomes async; else None for the first, ``target`` itself for the second."""
    if target and target.startswith(NAMED_PREFIX):
        method, otherwise = target.removeprefix(NAMED_PREFIX), None
    elif target and unresolved(graph, target):
        method, otherwise = target.rpartition(".")[2], target
    else:
        return target
    found = [m for m in names.get(method, []) if not _in_tests(graph, m)]
    if found and all(result.now_async(graph.functions[m]) for m in found):
        return found[0]
    return otherwise
