"""Which test fakes become async: a fake of a function that became async is async."""

from __future__ import annotations

from dataclasses import replace

from .by_name import method_names, named_target
from .catalogue import lookup
from .clocks import SLEEP, clock_reads
from .decisions import Colouring, Fake
from .given import given
from .graph import CallGraph
from .handed_mocks import handed_mocks
from .model import PARAM_PREFIX, Function, Patch, Span
from .spies import spied_calls
from .stand_ins import stand_ins
from .typeflow import TypeFlow
from .urlopen_fakes import urlopen_fakes


def find_fakes(graph: CallGraph, result: Colouring) -> None:
    """Fakes put in place of a function that became async become async.

    The code under test now awaits what it calls, so a sync fake would hand
    it a plain value to await. A fake function becomes ``async def`` (its own
    body stays as it is: it still makes no blocking call), a lambda an
    ``AsyncMock(side_effect=...)``, a ``MagicMock(...)`` an ``AsyncMock(...)``.
    ``time.sleep`` patched where the code now awaits ``asyncio.sleep`` is
    patched on asyncio instead, with an async fake (and so are the tests' reads
    of it, where they set it by assignment: see clocks). A fake of a requests
    session's method reached through a project object (``client.session.get =
    Mock(...)``) is async once that session is an ``AsyncClient``, and a
    ``Mock()`` put in place of the whole session (``client.session = Mock()``)
    becomes a client mock whose request methods are async.
    """
    urlopen_fakes(graph, result)
    handed_mocks(graph, result)
    stand_ins(graph, result)
    moving = _sleeping_modules(graph, result)
    if moving:
        result.fakes.extend(
            Fake(qualname, SLEEP, span, None, retarget=owner)
            for qualname, span, owner in clock_reads(graph)
        )
    names = method_names(graph)  # for fakes of methods on objects of unknown type
    for fn in graph.functions.values():
        for patch in fn.patches:
            retarget = session_of = None
            client = False
            target = named_target(graph, result, graph.resolve(patch.target), names)
            # ``"time.sleep"``, or reached through a module that imports time
            # (``monkeypatch.setattr(app.time, "sleep", fake)``).
            if target == "time.sleep" and moving and patch.target_span is not None:
                # Through a module (``pkg.cli.time.sleep``): only where its own sleeps move.
                through = graph.project.module_of(patch.target or "")
                if through is not None and through not in moving:
                    continue
                retarget = patch.target_span
            elif target is None:
                continue
            elif patch.fake is None and not (patch.wrap or patch.is_mock):
                if _async_methods(graph, result, target) and _handed_typed(
                    graph, fn, patch, target
                ):
                    result.fakes.append(Fake(fn.qualname, target, patch.span, None, stand_in=True))
                elif session_of := _whole_session(graph, patch.target or ""):
                    # ``patch.object(api, "session")``: the MagicMock it makes stands for
                    # the whole session, whose request methods are awaited now.
                    whole = Fake(fn.qualname, target, patch.span, None, session_of=session_of)
                    result.fakes.append(replace(whole, client=True, stand_in=True))
                continue
            elif patch.is_mock and _gives_async_iterator(graph, result, target):
                result.fakes.append(Fake(fn.qualname, target, patch.span, None, items=True))
                continue
            elif not result.is_async(target):
                session_of = _session_holder(graph, patch.target or "", target)
                if session_of is None and patch.is_mock:
                    # ``stock.session = Mock()``: the whole session, if its methods are a session's.
                    session_of = _whole_session(graph, patch.target or "")
                    client = session_of is not None
                if session_of is None:
                    continue
            made = _fixture_mock(graph, fn.module, patch.fixture) if patch.fixture else None
            if made is not None:
                fixture, spans = made
                result.fakes.extend(
                    Fake(fixture, target, span, None, mock=True, session_of=session_of)
                    for span in spans
                )
                continue
            fake = graph.resolve(patch.fake) if patch.fake else None
            wrap = patch.wrap
            if fake in graph.functions:
                wrap = False
                if graph.functions[fake].is_async or result.is_async(fake):
                    fake = None  # already async
            else:
                fake = None
                if retarget and patch.assigned == "read":
                    wrap = False  # ``time.sleep = saved["sleep"]``: put back as saved
            if fake is None and not (wrap or patch.is_mock or retarget):
                continue
            result.fakes.append(
                Fake(
                    fn.qualname,
                    target,
                    patch.span,
                    fake,
                    wrap,
                    patch.is_mock,
                    retarget,
                    session_of,
                    client,
                    method=_bound(graph, target, patch),
                    item_property=patch.is_mock and _generator_property(graph, target),
                    spied=spied_calls(graph, result, fake) if fake else (),
                )
            )


def _generator_property(graph: CallGraph, target: str | None) -> bool:
    fn = graph.functions.get(target or "")
    return fn is not None and fn.property is not None and fn.is_generator


def _bound(graph: CallGraph, target: str | None, patch: Patch) -> bool:
    """Whether the lambda ``patch`` puts in place of a method takes the instance, as
    the method did: set on the class, it is bound as a method (a mock is not)."""
    method = graph.functions.get(target or "")
    if method is None or method.class_qualname is None or patch.lambda_params is None:
        return False
    if any(d.text in ("staticmethod", "classmethod") for d in method.decorators):
        return False
    return patch.lambda_params == len(method.params) and len(method.params) > 0


def _async_methods(graph: CallGraph, result: Colouring, cls: str) -> bool:
    """Whether ``cls`` is a project class some of whose methods (its own or inherited)
    become async."""
    if graph.value_type(cls) != cls:
        return False
    family = {cls, *graph.project_bases(cls)}
    return any(
        fn.class_qualname in family and (result.is_async(fn.qualname) or fn.is_async)
        for fn in graph.functions.values()
    )


def _handed_typed(graph: CallGraph, fn: Function, patch: Patch, cls: str) -> bool:
    """Whether the code a class's stand-in is handed to awaits its methods: every
    parameter the test (or, through ``self``, its class) hands a ``cls`` to was
    typed so. Where one was not, the code there calls the mock's methods
    without ``await`` and the mock stays as it was."""
    # A decorator's patch is noted in the scope around the function it decorates.
    fn = next(
        (
            f
            for f in graph.functions.values()
            if f.module == fn.module and any(d.span.contains(patch.span) for d in f.decorators)
        ),
        fn,
    )
    callers = {fn.qualname}
    if fn.class_qualname:
        callers |= {
            f.qualname for f in graph.functions.values() if f.class_qualname == fn.class_qualname
        }
    return graph.flow is None or _handed_flow(graph.flow, callers, cls)


def _gives_async_iterator(graph: CallGraph, result: Colouring, function: str) -> bool:
    """Whether ``function`` stays sync but gives an instance that became an async
    iterator (its ``__next__`` is ``__anext__`` now)."""
    if function not in graph.functions or result.is_async(function):
        return False
    made = graph.returned(function)
    step = graph.resolve(f"{made}.__next__") if made else None
    return result.renamed.get(step or "") == "__anext__"


def _fixture_mock(
    graph: CallGraph, module: str, fixture: str
) -> tuple[str, tuple[Span, ...]] | None:
    """The fixture named ``fixture`` as a test in ``module`` sees it (its own module's,
    else the one conftest defining it), and where it makes the plain mock it gives."""
    facts = graph.project.facts
    own = facts.get(module)
    if own is not None and fixture in own.defs:
        found = [own] if fixture in own.fixture_mocks else []
    else:
        found = [f for f in facts.values() if fixture in f.defs and f.path.endswith("conftest.py")]
    if len(found) != 1 or fixture not in found[0].fixture_mocks:
        return None
    return f"{found[0].module}.{fixture}", found[0].fixture_mocks[fixture]


def _sleeping_modules(graph: CallGraph, result: Colouring) -> set[str]:
    """The modules where some ``time.sleep`` call becomes ``await asyncio.sleep``."""
    found = set()
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if result.is_async(qualname) or fn.is_async:
            if any(entry.family == "sleep" and not call.in_lambda for call, entry in calls):
                found.add(fn.module)
    return found


def _whole_session(graph: CallGraph, written: str) -> str | None:
    """The project module holding the requests session ``written`` names whole
    (``client.StockClient.session``), if it names one."""
    whole = f"{written}.request"
    return _session_holder(graph, whole, graph.resolve(whole) or "")


def _session_holder(graph: CallGraph, written: str, resolved: str) -> str | None:
    """The project module holding the requests session whose method ``written``
    names (``client.StockClient.session.get`` -> ``client``). None when it names
    no session method, or names it through requests (``requests.Session.get``:
    MIG008 moves such patches to httpx's class)."""
    entry = lookup(resolved)
    parts = written.split(".")
    if entry is None or not entry.name.startswith("requests.Session.") or "requests" in parts:
        return None
    for cut in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:cut])
        if module in graph.project.files:
            return module
    return None


def _handed_flow(flow: TypeFlow, callers: set[str], typ: str) -> bool:
    """Whether every parameter that code in ``callers`` hands a ``typ`` to was
    given that type, and every parameter or attribute it is passed on to (so
    the calls made through it are seen, and awaited)."""
    seen: set[tuple[str, str]] = set()
    for callee, sites in flow.sites.items():
        fn = flow.functions[callee]
        for caller, call, offset in sites:
            if caller.qualname not in callers:
                continue
            for param in fn.params:
                held = given(fn, call, offset, param)
                if flow.value(held, caller) == typ and not _carries(flow, fn, param, typ, seen):
                    return False
    return True


def _carries(
    flow: TypeFlow, fn: Function, param: str, typ: str, seen: set[tuple[str, str]]
) -> bool:
    if (fn.qualname, param) in seen:
        return True
    seen.add((fn.qualname, param))
    if not flow.typed(("param", fn.qualname, param), typ):
        return False
    # ``self.site = site``: what the instance's methods call it through.
    family = flow.family.get(fn.class_qualname or "", fn.class_qualname or "")
    for attr, held in fn.self_assigns:
        if held == PARAM_PREFIX + param and not flow.typed(("attr", family, attr), typ):
            return False
    # ``super().__init__(site, ...)``: handed on.
    for callee, sites in flow.sites.items():
        inner = flow.functions[callee]
        for caller, call, offset in sites:
            if caller is not fn:
                continue
            for name in inner.params:
                if given(inner, call, offset, name) == PARAM_PREFIX + param and not (
                    _carries(flow, inner, name, typ, seen)
                ):
                    return False
    return True
