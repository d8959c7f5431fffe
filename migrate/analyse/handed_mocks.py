"""Plain mocks a test or its fixture makes, handed to code that now awaits their methods.

``BoundModel(client=client, data=...)`` in a test, where the fixture ``client``
gives ``MagicMock()`` and the class keeps it (``self._client = client``): the
code under test now awaits ``self._client.get_by_id(...)``, which a MagicMock
answers with a plain value (``object BoundModel can't be used in 'await'
expression``). The fixture's mock gets those methods as AsyncMocks
(``MagicMock(get_by_id=AsyncMock())``, ``MagicMock(**{"requester.get":
AsyncMock()})`` for one reached through an attribute of the mock), so the
test configures and asserts on them as before (``client.get_by_id.return_value
= ...``), and whatever else the mock stands for stays as it was. A test's own
``client = MagicMock()`` handed so is treated alike, and one handed anywhere
gets the methods it configures or asserts on (see local_mocks).
"""

from __future__ import annotations

from .decisions import Colouring, Fake
from .graph import CallGraph
from .model import Call, Function, Span

TEST_FRAMEWORKS = ("pytest-test", "pytest-fixture")
# The calls the migrated code awaits, (caller, where) -> "()" for an async twin of a
# blocking call, whose result is a plain object, else "".
Awaited = dict[tuple[str, Span], str]


def handed_mocks(graph: CallGraph, result: Colouring) -> None:
    """Note a fake (``mock_methods``) for each fixture's or test's own mock handed so,
    and for a test's own mock handed anywhere whose methods it configures (see
    local_mocks)."""
    awaited = _awaited_calls(graph, result)
    found: dict[tuple[str, Span], set[str]] = _configured_mocks(graph, result, awaited)
    for fn in graph.functions.values():
        if fn.framework not in TEST_FRAMEWORKS and not fn.local_mocks:
            continue  # a test class's hook (``setup_method``) handing on its own mocks
        for call in fn.calls:
            init = _constructor(graph, call) if call.fixtures_given else None
            if init is None:
                continue
            for slot, fixture in call.fixtures_given:
                param = _parameter(init, slot)
                attrs = {a for p, a in (*init.kept_params, *init.defaulted_params) if p == param}
                methods = _methods_awaited(graph, init.class_qualname or "", attrs, awaited)
                made = _own_mock(fn, fixture) or _fixture_mock(graph, fn, fixture)
                made = made if methods else None
                if made is not None:
                    found.setdefault(made, set()).update(methods)
        for target, name, called in fn.patched_returns:
            accessor = graph.functions.get(graph.resolve(target) or "")
            if accessor is None or not accessor.returns_self_attr:
                continue
            attrs = {accessor.returns_self_attr}
            methods = _methods_awaited(graph, accessor.class_qualname or "", attrs, awaited)
            made = _own_mock(fn, name) or _fixture_mock(graph, fn, name)
            if made is not None and methods:
                given = "return_value." if called else ""
                found.setdefault(made, set()).update(given + m for m in methods)
    taken = {fake.span for fake in result.fakes}
    for (fixture, span), methods in sorted(found.items(), key=lambda f: (f[0][0], *_at(f[0][1]))):
        methods -= {m.removesuffix("()") for m in methods if m.endswith("()")}
        if methods and span not in taken:
            result.fakes.append(Fake(fixture, "", span, None, mock_methods=tuple(sorted(methods))))


def _at(span: Span) -> tuple[int, int]:
    return span.line, span.col


def _own_mock(fn: Function, name: str) -> tuple[str, Span] | None:
    """The test's own mock ``name`` (see local_mocks): (the test, where it is made)."""
    spans = [mock.span for mock in fn.local_mocks if mock.name == name]
    return (fn.qualname, spans[0]) if spans else None


def _configured_mocks(
    graph: CallGraph, result: Colouring, awaited: Awaited
) -> dict[tuple[str, Span], set[str]]:
    """A test's own mocks handed on, with the methods it configures or asserts on that
    the functions it is handed to await on it, or, where one cannot tell, that became
    async wherever the project defines a method of that name (not a generator's: its
    callers iterate it)."""
    now_async: set[str] = set()
    stays: set[str] = set()
    for fn in graph.functions.values():
        if fn.class_qualname and not graph.project.facts[fn.module].is_test_file:
            async_now = fn.is_async or result.is_async(fn.qualname)
            (now_async if async_now and not fn.is_generator else stays).add(fn.name)
    found: dict[tuple[str, Span], set[str]] = {}
    for fn in graph.functions.values():
        for mock in fn.local_mocks:
            known = _awaited_in_callees(graph, fn, mock.name, awaited) if mock.as_argument else None
            if known is None:
                # Where it goes is out of sight: the methods the test configures or
                # asserts on that became async wherever the project defines them.
                methods = {m for m in now_async - stays if m in mock.methods}
            else:
                # Each method the functions it is handed to await on it, configured or
                # not: a MagicMock answers an await of any with a plain value.
                methods = set(known)
            for local, attr in mock.kept_in:
                # ``service._library = mock``: what ``service``'s class awaits on it.
                if cls := _local_class(graph, fn, local):
                    methods |= _methods_awaited(graph, cls, {attr}, awaited)
            found[(fn.qualname, mock.span)] = methods
    return found


def _local_class(graph: CallGraph, fn: Function, local: str) -> str | None:
    """The project class of ``fn``'s local ``local``, told by a method ``fn`` calls on it."""
    for call in fn.calls:
        head, _, method = call.text.partition(".")
        if head == local and method.isidentifier():
            callee = graph.functions.get(graph.callee_of(call) or "")
            if callee is not None and callee.class_qualname:
                return callee.class_qualname
    return None


def _awaited_in_callees(
    graph: CallGraph, fn: Function, name: str, awaited: Awaited
) -> set[str] | None:
    """The methods of the mock ``name`` the functions ``fn`` hands it to await on the
    parameter taking it (``_monitor(stop_event)`` calling ``stop_event.wait(...)``, a
    ``threading.Event``'s, awaits nothing); None where one cannot tell (it keeps or
    hands the mock on, or the callee is unknown)."""
    found: set[str] = set()
    handed = [(call, slot) for call in fn.calls for slot, n in call.fixtures_given if n == name]
    for call, slot in handed:
        callee = graph.functions.get(graph.callee_of(call) or "")
        if callee is None or call.positional < 0 or graph.project.facts[callee.module].is_test_file:
            return None  # unknown, or ``f(*args, mock)``
        param = _parameter(callee, slot)
        kept = {a for p, a in (*callee.kept_params, *callee.defaulted_params) if p == param}
        if param is None or (kept and (callee.name != "__init__" or not callee.class_qualname)):
            return None
        if kept:  # ``App(api, "dcim")``: what the instance awaits on ``self.api``
            found |= _methods_awaited(graph, callee.class_qualname or "", kept, awaited)
            continue
        for inner in callee.calls:
            given = (*inner.arg_values, *(v for _, v in inner.kwarg_values))
            head, _, method = inner.text.partition(".")
            if param in given:
                return None  # handed on: what awaits it is further away
            at = (callee.qualname, inner.span)
            if head == param and method.isidentifier() and at in awaited:
                found.add(method + awaited[at])
    return found if handed else None


def _awaited_calls(graph: CallGraph, result: Colouring) -> Awaited:
    """The calls (caller, where) of functions that are async after colouring, and the
    blocking calls code that becomes async awaits the async twins of
    (``self.http_session.get(...)``), these marked ``()``: what they give is a plain
    object (a response), which a mock standing for them gives too once awaited."""
    found = {
        (edge.caller, edge.span): ""
        for edge in graph.edges
        if edge.via == "call"
        and (result.is_async(edge.callee) or graph.functions[edge.callee].is_async)
    }
    for qualname, calls in graph.blocking.items():
        if result.is_async(qualname):
            found.update({(qualname, call.span): "()" for call, _ in calls})
    return found


def _constructor(graph: CallGraph, call: Call) -> Function | None:
    """The ``__init__`` a call of a project class runs (its own or a base class's)."""
    target = graph.resolve(call.target)
    if target is None or graph.value_type(target) != target:
        return None
    return graph.functions.get(graph.resolve(f"{target}.__init__") or "")


def _parameter(fn: Function, slot: str) -> str | None:
    """The parameter of ``fn`` a call's argument ``slot`` (a position, or a keyword)
    fills, after ``self`` or ``cls``."""
    if not slot.isdigit():
        return slot if slot in fn.params else None
    offset = int(bool(fn.class_qualname) and fn.params[:1] in (("self",), ("cls",)))
    index = int(slot) + offset
    return fn.params[index] if index < fn.positional else None


def _methods_awaited(
    graph: CallGraph, cls: str, attrs: set[str], awaited: Awaited, depth: int = 0
) -> set[str]:
    """Names of the methods called on ``self.<attr>`` (or on what a method returning it
    gives) in ``cls`` and its bases that the migrated code awaits; dotted for one
    reached through the mock's attributes (``self.jenkins.requester.post(...)``:
    ``requester.post``), or through an object it is handed to (``Request(base,
    http_session=self.api.http_session)``, whose methods await ``self.http_session.get``:
    ``http_session.get``)."""
    family = {cls, *graph.project_bases(cls)}
    found = _handed_on(graph, family, attrs, awaited, depth) if depth < 3 else set()
    members = [fn for fn in graph.functions.values() if fn.class_qualname in family]
    # ``self.get_jenkins_obj().has_job(...)`` goes through ``self.jenkins_obj`` when
    # the method only returns it.
    # So does one returning it on one path and a new client on another
    # (``return self.http_client or HttpClient()``): the mock is handed in for it.
    accessors = {
        f"{fn.name}()": attr for fn in members for attr in _returned_attrs(graph, fn) & attrs
    }
    for fn in members:
        for call in fn.calls:
            parts = call.text.split(".")
            if len(parts) > 1:
                parts[1] = accessors.get(parts[1]) or parts[1]
            if len(parts) < 3 or parts[0] != "self" or parts[1] not in attrs:
                continue
            at = (fn.qualname, call.span)
            if all(p.isidentifier() for p in parts) and at in awaited:
                found.add(".".join(parts[2:]) + awaited[at])
    return found


def _returned_attrs(graph: CallGraph, fn: Function) -> set[str]:
    """The attributes of its own instance method ``fn`` returns on some path."""
    facts = graph.project.facts[fn.module]
    either = facts.return_either.get(fn.qualname.removeprefix(fn.module + "."), ())
    owner = f"{fn.class_qualname}."
    found = {choice.removeprefix(owner) for choice in either if choice.startswith(owner)}
    return found | ({fn.returns_self_attr} if fn.returns_self_attr else set())


def _fixture_mock(graph: CallGraph, fn: Function, fixture: str) -> tuple[str, Span] | None:
    """The fixture ``fixture`` as ``fn`` sees it, when it gives a plain mock it makes:
    (the fixture, where it makes the mock). A fixture of ``fn``'s class comes first."""
    facts = graph.project.facts[fn.module]
    owner = (fn.class_qualname or "").removeprefix(fn.module + ".")
    for key in (f"{owner}.{fixture}" if owner else "", fixture):
        spans = facts.fixture_mocks.get(key) if key else None
        if spans:
            return f"{fn.module}.{key}", spans[0]
    return None


def _handed_on(
    graph: CallGraph, family: set[str], attrs: set[str], awaited: Awaited, depth: int
) -> set[str]:
    """What the objects the methods of ``family`` hand ``self.<attr>.<chain>`` to, to
    keep (``Request(base, http_session=self.api.http_session)``), await on it, each
    dotted after the chain."""
    found: set[str] = set()
    for fn in graph.functions.values():
        if fn.class_qualname not in family:
            continue
        for call in fn.calls:
            init = _constructor(graph, call)
            if init is None:
                continue
            slots = [*enumerate(call.arg_values), *call.kwarg_values]
            for slot, held in slots:
                owner, _, chain = (held or "").partition(f"{fn.class_qualname}.")
                attr, _, rest = chain.partition(".")
                if owner or attr not in attrs or not rest.replace(".", "").isidentifier():
                    continue
                param = _parameter(init, str(slot))
                kept = {a for p, a in (*init.kept_params, *init.defaulted_params) if p == param}
                if kept and init.class_qualname:
                    inner = _methods_awaited(graph, init.class_qualname, kept, awaited, depth + 1)
                    found |= {f"{rest}.{method}" for method in inner}
    return found
