"""Functions handed to a function of the project that calls them: parameter flows.

``retry_call(requests.get, url)`` hands a request function to ``retry_call``,
which calls its parameter ``func``. When every value reaching that parameter,
at every call site of the receiver, is a function that becomes async (a
project function, a request function or a client's method with an async
twin), both ends are converted: the value is handed over in its async form
and the receiver awaits the call of its parameter, so it becomes async too.
A project function also given there that would stay sync, named as one of
the async ones (a test's fake ``get_list`` handed where the library hands its
own), becomes async with them: the receiver awaits what it is given. Any
other sync function, one that must stay sync (see colour's boundaries), or
something the analysis cannot follow (a variable, a lambda doing more than
one call: ``lambda: fetch(url)`` is fetch's value), keeps every end sync,
with a review item naming the values; so does a receiver that is itself
passed around (its call sites are unknown) or that must stay sync.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import generators
from .catalogue import Action, BlockingCall, lookup
from .decisions import Colouring, Reason, Review
from .frameworks import PARTIALS, REQUESTS_ONLY_KEYWORDS, makes_nothing
from .graph import CallGraph
from .model import Call, Function, Span
from .tree import short_name
from .values import BODY_KEYWORDS, LookedUp
from .verb_tables import VerbTable


@dataclass(frozen=True)
class Passed:
    """One value handed to a receiver's parameter at one call site."""

    holder: str  # the function making the call
    span: Span  # the value as written
    text: str
    function: str | None = None  # a project function handed over
    lambda_call: bool = False  # ``lambda: fetch(url)``: the span is the call it returns
    entry: BlockingCall | None = None  # a request function or client method handed over
    keywords: tuple[str, ...] = ()  # what else the call site gives by name


@dataclass(frozen=True)
class Flow:
    """A receiver's parameter that it calls, and every value it is given."""

    receiver: str
    param: str
    calls: tuple[Call, ...]  # the receiver's calls of its parameter
    values: tuple[Passed, ...]
    unknown: tuple[str, ...]  # values the analysis cannot follow, as "file:line"

    @property
    def key(self) -> tuple[str, str]:
        return (self.receiver, self.param)


def parameter_flows(graph: CallGraph) -> list[Flow]:
    """Every parameter a project function calls, with what its call sites hand it."""
    flows = []
    passed_on = {graph.resolve(ref.target) for fn in graph.functions.values() for ref in fn.refs}
    for fn in graph.functions.values():
        called = _param_calls(fn)
        if not called or fn.qualname in passed_on:
            continue
        sites = [e for e in graph.callers.get(fn.qualname, []) if e.via == "call" and e.call]
        for param, calls in called.items():
            values: list[Passed] = []
            unknown: list[str] = []
            for edge in sites:
                assert edge.call is not None
                given = _given(graph, fn, param, edge.caller, edge.call)
                if isinstance(given, Passed):
                    values.append(given)
                elif given:
                    unknown.append(given)
            # ``def for_each(urls, callback, fetcher=fetch_json)``: what a call leaving
            # it out gives, and what a caller the project does not show gives.
            for name, default, span in fn.function_defaults:
                target = graph.resolve(default)
                if name == param and target in graph.functions:
                    text = default.rpartition(".")[2]
                    values.append(Passed(fn.qualname, span, text, function=target))
            if values:
                flows.append(Flow(fn.qualname, param, tuple(calls), tuple(values), tuple(unknown)))
    return flows


def enabled(
    flows: list[Flow], refused: dict[tuple[str, str], str], boundaries: dict[str, str]
) -> list[Flow]:
    """The flows colouring may convert; the others are noted in ``refused``, with why."""
    for flow in flows:
        if flow.key in refused:
            continue
        if flow.unknown:
            refused[flow.key] = "it is also given values the analysis cannot follow"
        elif flow.receiver in boundaries:
            refused[flow.key] = f"it stays sync ({boundaries[flow.receiver]})"
        elif any(v.entry is not None and v.holder in boundaries for v in flow.values):
            refused[flow.key] = "a request function is handed to it by code that stays sync"
        elif own := _requests_keywords(flow):
            refused[flow.key] = f"it is also handed requests' own {', '.join(own)}="
    return [flow for flow in flows if flow.key not in refused]


def _requests_keywords(flow: Flow) -> list[str]:
    """requests' own keywords handed on with a request function (httpx takes none)."""
    given = {k for v in flow.values if v.entry is not None for k in v.keywords}
    return sorted(given & REQUESTS_ONLY_KEYWORDS)


def seed(
    flows: list[Flow],
    looked: list[LookedUp],
    result: Colouring,
    functions: dict[str, Function],
    tables: list[VerbTable],
) -> list[str]:
    """Receivers async from the start: handed a request function, or calling a client's
    method looked up with ``getattr`` (``getattr(session, method)(url)``, awaited), or
    an item of a table of verbs (``VERBS[method](url)``)."""
    made: list[str] = []

    def make_async(qualname: str, reason: Reason) -> None:
        if qualname not in result.async_functions and not functions[qualname].is_async:
            result.async_functions[qualname] = reason
            made.append(qualname)

    for flow in flows:
        for value in flow.values:
            if value.entry is not None:
                result.passed_values.append((value.holder, value.span, value.text, value.entry))
                span = flow.calls[0].span
                make_async(flow.receiver, Reason(value.entry.name, span, "given", value.entry))
    for found in looked:
        text = found.ref.text if found.kept_verb else f"{found.ref.text}.request"
        result.passed_values.append((found.function, found.ref.span, text, found.entry))
        if not found.call.awaited:
            result.param_awaits.append((found.function, found.call.span))
        result.looked_up_calls.append((found.function, found.call.span))
        if found.statements is not None:
            result.one_off_lookups.append((found.function, found.ref.span, found.statements))
        if found.ref.call_span and BODY_KEYWORDS.intersection(found.call.keywords):
            result.request_lookups.append((found.function, found.ref.call_span))
        make_async(found.function, Reason(text, found.call.span, "given", found.entry))
    for table in tables:
        result.verb_tables.append(table)
        for caller, span in table.calls:
            result.param_awaits.append((caller, span))
            make_async(caller, Reason(table.entry.name, span, "given", table.entry))
    return made


def joining(
    flows: list[Flow], refused: dict[tuple[str, str], str], graph: CallGraph, result: Colouring
) -> tuple[dict[str, Reason], dict[tuple[str, str], str]]:
    """Flows given async and sync functions: a sync one named as an async one handed
    there stands in for it and joins it (``_iter_pages(self.get_list)`` in the library,
    ``client._iter_pages(fake.get_list)`` in a test: the fake's ``get_list`` becomes
    async, as the receiver awaits it). A flow given any other sync function, or one
    that must stay sync, is refused, with why: a plain helper (``each(shout, words)``)
    would carry async colour into code that does no I/O."""
    joins: dict[str, Reason] = {}
    mixed: dict[tuple[str, str], str] = {}
    for flow in flows:
        if flow.key in refused or not async_values(flow, graph, result):
            continue
        if why := _generators_refused(flow, graph, result):
            mixed[flow.key] = why
            continue
        sync = sync_values(flow, graph, result)
        if not sync:
            continue
        names = {
            graph.functions[v.function].name
            for v in async_values(flow, graph, result)
            if v.function
        }
        if any(v.function in result.boundaries or _name(graph, v) not in names for v in sync):
            mixed[flow.key] = "some of them stay sync"
            continue
        for value in sync:
            assert value.function is not None
            joins.setdefault(value.function, Reason(flow.receiver, flow.calls[0].span, "handed"))
    return joins, mixed


def takes_generators(flow: Flow, graph: CallGraph, result: Colouring) -> bool:
    """Whether what ``flow`` is given are generators that become async: the receiver
    iterates what it calls (``for name, node in nodes_method()``) with ``async for``."""
    given = async_values(flow, graph, result)
    return bool(given) and all(
        v.function and graph.functions[v.function].is_generator for v in given
    )


def _generators_refused(flow: Flow, graph: CallGraph, result: Colouring) -> str | None:
    """Why generators handed to ``flow`` cannot follow into it, or None."""
    given = [v for v in async_values(flow, graph, result) if v.function]
    kinds = {graph.functions[v.function].is_generator for v in given if v.function}
    if kinds == {True, False}:
        return "it is given generators and functions, which become async: one awaits, one iterates"
    if kinds == {True} and any(
        not (c.iterated and c.genexp_of is None) and generators.consumer(c, graph) is None
        for c in flow.calls
    ):
        return "it is given generators, which become async, and takes them other than by a loop"
    return None


def _name(graph: CallGraph, value: Passed) -> str:
    return graph.functions[value.function].name if value.function else ""


def seed_joined(joined: dict[str, Reason], result: Colouring) -> list[str]:
    """The functions that join async ones handed to a receiver, made async (see joining)."""
    made = []
    for qualname, reason in joined.items():
        if qualname not in result.boundaries and qualname not in result.async_functions:
            result.async_functions[qualname] = reason
            made.append(qualname)
    return made


def by_value(flows: list[Flow]) -> dict[str, list[Flow]]:
    """The flows each project function is handed to."""
    found: dict[str, list[Flow]] = {}
    for flow in flows:
        for value in flow.values:
            if value.function is not None:
                found.setdefault(value.function, []).append(flow)
    return found


def sync_values(flow: Flow, graph: CallGraph, result: Colouring) -> list[Passed]:
    """The project functions handed to ``flow`` that stay sync after colouring."""
    return [
        v
        for v in flow.values
        if v.function is not None
        and not (graph.functions[v.function].is_async or result.is_async(v.function))
    ]


def async_values(flow: Flow, graph: CallGraph, result: Colouring) -> list[Passed]:
    """The values handed to ``flow`` that are (or become) async."""
    return [
        v
        for v in flow.values
        if v.entry is not None
        or (
            v.function is not None
            and (graph.functions[v.function].is_async or result.is_async(v.function))
        )
    ]


def reviews(
    graph: CallGraph, flows: list[Flow], refused: dict[tuple[str, str], str], result: Colouring
) -> list[Review]:
    """A review item per receiver whose parameter keeps every end sync while some are async."""
    found = []
    for flow in flows:
        why = refused.get(flow.key)
        if why is None or not async_values(flow, graph, result):
            continue
        found.append(
            Review(
                flow.receiver,
                flow.calls[0].span,
                f"{short_name(flow.receiver)} calls its parameter {flow.param}, given"
                f" {_listed(graph, flow)}; {why}, so it does not await it: make"
                " them all async (or all sync)",
            )
        )
    return found


def _listed(graph: CallGraph, flow: Flow) -> str:
    named = [f"{v.text} ({_where(graph, v.holder, v.span)})" for v in flow.values]
    return ", ".join([*named, *flow.unknown])


def _where(graph: CallGraph, qualname: str, span: Span) -> str:
    path = Path(graph.project.facts[graph.functions[qualname].module].path)
    if path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return f"{path}:{span.line}"


# Calls that only look at the function they are given (``if not callable(fn): raise``):
# it is no value handed on, to be called where the analysis cannot see.
FUNCTION_CHECKS = frozenset(
    {"builtins.callable", "builtins.id", "builtins.repr", "builtins.type", "inspect.signature"}
)


def only_inspects(receiver: str | None, position: int | None, keyword: str | None = None) -> bool:
    """Whether a function or class handed to ``receiver`` is only looked at, never
    called or kept there (see frameworks.makes_nothing)."""
    return makes_nothing(receiver, position, keyword) or (receiver or "") in FUNCTION_CHECKS


def _param_calls(fn: Function) -> dict[str, list[Call]]:
    """The calls ``fn`` makes of its own parameters, by parameter; not those it also
    hands on or keeps (``self.callback = callback``): they are called elsewhere too."""
    kept = {
        ref.text for ref in fn.refs if not only_inspects(ref.receiver, ref.position, ref.keyword)
    } | set(fn.param_attrs)
    params = set(fn.params) - {"self", "cls"} - kept
    found: dict[str, list[Call]] = {}
    for call in fn.calls:
        if call.text in params and not call.in_lambda and not call.context_manager:
            found.setdefault(call.text, []).append(call)
    return found


def _given(
    graph: CallGraph, receiver: Function, param: str, holder: str, call: Call
) -> Passed | str | None:
    """What ``call`` hands to ``param``: a value, "file:line" when it cannot be followed,
    None when it hands nothing there."""
    offset = 1 if receiver.class_qualname and receiver.params[:1] in (("self",), ("cls",)) else 0
    index = receiver.params.index(param) - offset
    by_position = receiver.params.index(param) < receiver.positional
    where = _where(graph, holder, call.span)
    refs = graph.functions[holder].refs
    for made in graph.functions[holder].calls:
        # ``retry_call(functools.partial(fetch, base), uid)``: fetch is what is called.
        if (
            by_position
            and made.position == index
            and call.span.contains(made.span)
            and made.arg_of in (call.target, call.text)
            and graph.resolve(made.target) in PARTIALS
        ):
            refs = [r for r in refs if r.call_span == made.span and r.position == 0]
            refs = [replace(r, call_span=call.span, position=index) for r in refs]
            break
    for ref in refs:
        if ref.call_span != call.span:
            continue
        if ref.keyword == param or (by_position and ref.keyword is None and ref.position == index):
            target = graph.resolve(ref.target) if ref.target else None
            if target in graph.functions:
                return Passed(holder, ref.span, ref.text, function=target)
            entry = lookup(target) if target else None
            if entry is not None and entry.action is Action.REWRITE and entry.http_method:
                return Passed(holder, ref.span, ref.text, entry=entry, keywords=call.keywords)
            return where
    for made in graph.functions[holder].calls:
        # ``with_retries(lambda: fetch(url))``: what the call of the lambda returns,
        # fetch's coroutine once fetch is async, which the receiver then awaits.
        if made.lambda_of in ((call.span, param), (call.span, index if by_position else -1)):
            target = graph.callee_of(made)
            if target in graph.functions:
                return Passed(holder, made.span, made.text, function=target, lambda_call=True)
            return where
    if param in call.keywords or "**" in call.keywords or call.positional < 0:
        return where
    if by_position and call.positional > index:
        return where
    return None
