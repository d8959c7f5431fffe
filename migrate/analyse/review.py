"""What the toolkit will not rewrite by itself, found after colouring.

* a sync generator that bridges to async code with ``async_to_sync``,
  iterated by async code: the bridge raises inside the running loop;
* uses of requests features with no httpx twin (catalogue ``NO_TWIN``);
* a ``__getattr__`` that fetches a missing attribute (``self.reload()``):
  Python calls it on a read, so it stays sync behind ``async_to_sync``,
  which raises when async code reads such an attribute;
* calls it cannot resolve that may reach a method which becomes async
  (``client.fetch()`` with ``client`` a parameter of unknown type, where
  some ``fetch`` method becomes async): it says so rather than guess.
"""

from __future__ import annotations

from .by_name import unresolved
from .catalogue import CONSTRUCTORS, NO_TWIN, Action, lookup
from .decisions import Colouring, Review
from .graph import CallGraph
from .library_names import LIBRARY_METHOD_NAMES
from .model import Call, Function, Span
from .mro import SUPER_MARK
from .named_read_kinds import mixed_reads
from .tree import short_name
from .twins import SETTER


def find_reviews(graph: CallGraph, colouring: Colouring) -> list[Review]:
    reviews: list[Review] = [
        *_fetching_attribute_reads(graph, colouring),
        *_generators_under_a_loop(graph, colouring),
        *_dunders_under_a_loop(graph, colouring),
        *_setters_under_a_loop(graph, colouring),
        *_unknown_setter_writes(graph, colouring),
        *mixed_reads(graph, colouring),
    ]
    async_methods: dict[str, list[str]] = {}
    for qualname in colouring.async_functions:
        fn = graph.functions[qualname]
        if fn.class_qualname:
            async_methods.setdefault(fn.name, []).append(qualname)
    for fn in graph.functions.values():
        becomes_async = fn.is_async or colouring.is_async(fn.qualname)
        # Calls through a session that stays on requests: the plan says why once.
        kept = [call for call, _ in graph.kept.get(fn.qualname, ())]
        for call in fn.calls:
            if call.iterates or call.subscript or call.dunder:
                continue  # a dunder an instance runs, noted only where its type is known
            if id(call) in graph.named:
                continue  # taken for the project's methods of its name (by_name)
            target = graph.resolve(call.target) if call.target else None
            if target is not None:
                if call in kept:
                    continue
                why = NO_TWIN.get(target) or NO_TWIN.get(target.split(".")[0])
                mixed = None if why else _mixed_attribute(graph, colouring, fn, call, target)
                why = why or mixed
                if why:
                    plain = mixed is not None and PLAIN_CALL in mixed
                    reviews.append(Review(fn.qualname, call.span, why, unawaited=plain))
                if why or not unresolved(graph, target) or graph.implementations(target):
                    continue  # ``implementations``: the subclasses' methods, linked
                if SUPER_MARK in target and not graph.next_methods(target):
                    continue  # ``super().__init__()`` reaching no class of the project's
            if call.alternatives:
                reviews += _looped(graph, fn, call, async_methods, becomes_async)
                continue
            method = call.text.rsplit(".", 1)[-1]
            candidates = async_methods.get(method)
            if "." not in call.text or not candidates or call.awaited or call.plain_receiver:
                continue
            owners = ", ".join(sorted(c.rsplit(".", 2)[-2] + "." + method for c in candidates))
            where = "async code" if becomes_async else "sync code"
            # In a dunder Python calls by itself (a descriptor's ``__get__``), of a name
            # only project classes have: no await can go in or around it, so where it
            # reaches the async method the caller gets a coroutine.
            implicit = _is_dunder(fn.name) and method not in LIBRARY_METHOD_NAMES
            needs = (
                f"{fn.name} would return a coroutine, and Python calls it, so it cannot await"
                if implicit and not becomes_async
                else f"this call in {where} needs " + ("an await" if becomes_async else "a bridge")
            )
            reviews.append(
                Review(
                    fn.qualname,
                    call.span,
                    f"cannot tell what `{call.text}()` calls; if it is {owners}, which becomes"
                    f" async, {needs}",
                    unawaited=implicit and not becomes_async,
                )
            )
    return reviews


def _looped(
    graph: CallGraph,
    fn: Function,
    call: Call,
    async_methods: dict[str, list[str]],
    becomes_async: bool,
) -> list[Review]:
    """A call through a loop variable (see loop_functions) whose functions are not all
    the project's, when one of them may be a method that becomes async."""
    if graph.alternatives(call):
        return []
    names = sorted({t.rsplit(".", 1)[-1] for t in call.alternatives} & set(async_methods))
    if not names:
        return []
    owners = ", ".join(sorted(short_name(c) for name in names for c in async_methods[name]))
    where = "async code" if becomes_async else "sync code"
    return [
        Review(
            fn.qualname,
            call.span,
            f"`{call.text}()` calls the function each of the loop's items gives; where that"
            f" is {owners}, async now, this call in {where} needs "
            + ("an await" if becomes_async else "a bridge"),
        )
    ]


# What ``session.mount(prefix, HTTPAdapter(max_retries=Retry(...)))`` is made of.
MOUNTING = frozenset(
    {
        "requests.Session.mount",
        "requests.adapters.HTTPAdapter",
        "requests.HTTPAdapter",
        "urllib3.util.retry.Retry",
        "urllib3.util.Retry",
        "urllib3.Retry",
        "requests.packages.urllib3.util.retry.Retry",
    }
)


# What a urllib3 Retry does on reads: no transport carries it (RetryTransport
# carries what it does on responses).
RETRY_ON_READS = frozenset({"read", "other"})


def drop_carried_mounts(graph: CallGraph, colouring: Colouring) -> None:
    """No review of the adapters mounted where the session is made (``s =
    requests.Session(); s.mount(...)``, also in ``__init__`` on ``self.s`` or at
    module level): where the session becomes a client, the rewrite makes it
    with the transport they describe and a TODO names what it cannot carry
    (rules/http_transport.py); where it stays, they keep working. A mount
    elsewhere, on a session that becomes a client, is still named."""
    carried: set[tuple[str, Span]] = set()
    for fn in graph.functions.values():
        targets = {
            call.span: graph.resolve(call.target) if call.target else None for call in fn.calls
        }
        if not any(CONSTRUCTORS.get(t or "") == "requests.Session" for t in targets.values()):
            continue
        mounts_here = any(
            t == "requests.Session.mount"
            and call.text.count(".") <= 1 + call.text.startswith("self.")
            for call in fn.calls
            if (t := targets[call.span])
        )
        if mounts_here:
            carried |= {
                (fn.qualname, call.span)
                for call in fn.calls
                if targets[call.span] in MOUNTING and not set(call.keywords) & RETRY_ON_READS
            }
    no_twin = set(NO_TWIN.values())
    colouring.review = [
        r
        for r in colouring.review
        if (r.function, r.span) not in carried or r.reason not in no_twin
    ]


def _mixed_attribute(
    graph: CallGraph, colouring: Colouring, fn: Function, call: Call, target: str
) -> str | None:
    """``self.site.get()`` where ``site`` is given a client whose ``get`` becomes async
    in some places and another value (a mock, a literal) in others: it stays a plain
    call, which is right for neither."""
    parts = call.text.split(".")
    if len(parts) != 3 or parts[0] != "self" or not fn.class_qualname or graph.flow is None:
        return None
    if target in graph.functions or call.awaited:
        return None
    session = graph.flow.mixed_session(fn.class_qualname, parts[1])
    if session is not None and _http_call(f"{session[0]}.{parts[2]}"):
        return (
            f"stays on requests: {session[1]}, so `{call.text}()` is not known to be an HTTP"
            f" call; give {parts[1]} a session wherever it is set to migrate it"
        )
    found = graph.flow.mixed(fn.class_qualname, parts[1])
    if found is None:
        return None
    types, other = found
    methods = [graph.resolve(f"{typ}.{parts[2]}") for typ in types]
    async_methods = [m for m in methods if m and colouring.is_async(m)]
    if not async_methods:
        return None
    given = ", ".join(short_name(typ) for typ in types)
    return (
        f"`{call.text}()` {PLAIN_CALL}: self.{parts[1]} is given a {given} (whose"
        f" {short_name(async_methods[0])} becomes async) and other values ({other}); give"
        f" {parts[1]} one type everywhere (an async fake in tests), or await it by hand"
    )


PLAIN_CALL = "stays a plain call"

# Dunders Python calls by itself on attribute reads: no call site shows where,
# so async code reaches their bridge too.
_ATTRIBUTE_HOOKS = ("__getattr__", "__getattribute__")


def _fetching_attribute_reads(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """``__getattr__`` that fetches (``self.reload()`` for a missing attribute): it
    stays sync behind ``async_to_sync``, which raises inside a running event loop,
    so async code that reads such an attribute fails there."""
    reviews = []
    for bridge in colouring.bridges:
        fn = graph.functions.get(bridge.function)
        if fn is None or fn.name not in _ATTRIBUTE_HOOKS or bridge.kind != "async_to_sync":
            continue
        owner = (fn.class_qualname or fn.qualname).rsplit(".", 1)[-1]
        callee = graph.functions[bridge.callee].name if bridge.callee in graph.functions else ""
        behind = (
            "block_on, which blocks the loop while it waits"
            if bridge.anywhere
            else "async_to_sync, which raises"
        )
        reviews.append(
            Review(
                fn.qualname,
                bridge.span,
                f"{owner}.{fn.name} calls {callee or bridge.callee}, which becomes async, when"
                f" an attribute is read: Python calls it, so it stays sync behind {behind}"
                " when async code reads such an attribute; load explicitly"
                f" (`await obj.{callee or '...'}()`) before reading, or keep {owner} sync",
            )
        )
    return reviews


def _dunders_under_a_loop(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """A dunder Python runs on syntax (``plugins[name] = p`` runs ``__setitem__``) that
    stays sync and bridges to async code, run by code that becomes async: its
    ``async_to_sync`` raises on that running loop."""
    reviews = []
    for function, callees in sorted(_bridged_to_async(colouring).items()):
        fn = graph.functions.get(function)
        if fn is None or not _is_dunder(fn.name) or fn.name in _ATTRIBUTE_HOOKS:
            continue
        names = sorted(short_name(c) for c in callees)
        owner = (fn.class_qualname or fn.qualname).rsplit(".", 1)[-1]
        waits = any(b.anywhere for b in colouring.bridges if b.function == function)
        through = (
            "through block_on, which blocks this running loop while it waits"
            if waits
            else "through async_to_sync, which raises on this running loop"
        )
        for edge in graph.callers.get(function, []):
            caller = graph.functions[edge.caller]
            if not (caller.is_async or colouring.is_async(caller.qualname)):
                continue
            reviews.append(
                Review(
                    caller.qualname,
                    edge.span,
                    f"{owner}.{fn.name} stays sync (Python calls it) and runs"
                    f" {', '.join(names)}, which {'become' if len(names) > 1 else 'becomes'}"
                    f" async, {through}: await {' and '.join(names)} here instead",
                )
            )
    return reviews


def _bridged_to_async(colouring: Colouring) -> dict[str, set[str]]:
    """Functions that stay sync and reach async code through ``async_to_sync``, with
    what they reach."""
    bridged: dict[str, set[str]] = {}
    for bridge in colouring.bridges:
        if bridge.kind == "async_to_sync":
            bridged.setdefault(bridge.function, set()).add(bridge.callee)
    return bridged


def _setters_under_a_loop(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """A property setter (sync: an assignment cannot await) bridging to async code,
    run by an assignment in code that becomes async: its ``async_to_sync`` raises on
    that running loop. A plain ``api.token = v`` reads ``await api.aset_token(v)``
    where the setter took its twin; ``api.count += 1`` and the like keep the setter."""
    bridging = {
        setter: " and ".join(sorted(short_name(c) for c in callees))
        for setter, callees in _bridged_to_async(colouring).items()
        if setter.endswith(SETTER)
    }
    bridging.update(_twinned_setters(colouring))
    reviews = []
    for setter, names in sorted(bridging.items()):
        prop = short_name(setter.removesuffix(SETTER))
        twinned = setter in colouring.renamed
        for edge in graph.callers.get(setter, []):
            caller = graph.functions[edge.caller]
            if edge.via != "write" or not (caller.is_async or colouring.is_async(caller.qualname)):
                continue
            if twinned and edge.call is not None and edge.call.dunder:
                continue  # ``await api.aset_token(v)``
            text = edge.call.text if edge.call else prop
            if twinned:
                why = (
                    f"`{text}` is assigned other than alone, which runs the {prop} setter;"
                    f" it bridges to {names} (async now) through async_to_sync, which raises"
                    f" on this running loop: call `await {text.rpartition('.')[0]}.{names}(...)`"
                    " instead"
                )
            else:
                why = (
                    f"`{text} = ...` runs the {prop} setter, which stays sync (an assignment"
                    f" cannot await) and runs {names} through async_to_sync, which raises on"
                    f" this running loop: set what the setter sets and await {names} here"
                )
            reviews.append(Review(caller.qualname, edge.span, why, unawaited=True))
    return reviews


def _twinned_setters(colouring: Colouring) -> dict[str, str]:
    """Setters that became their async twin (``aset_token``): setter -> twin."""
    return {
        setter: twin
        for setter, twin in colouring.renamed.items()
        if setter.endswith(SETTER) and colouring.is_async(setter)
    }


def _unknown_setter_writes(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """``obj.token = v`` where ``obj``'s type is not known, beside a ``token`` setter
    that took an async twin: if it is that setter, it bridges, which raises on a
    running loop. Not held: most such assignments are of other objects."""
    twinned = {
        setter.removesuffix(SETTER).rpartition(".")[2]: setter
        for setter in _twinned_setters(colouring)
    }
    if not twinned:
        return []
    reviews = []
    for fn in graph.functions.values():
        for write in fn.writes:
            name = write.text.rpartition(".")[2]
            if name not in twinned or (write.target and graph.resolve(write.target)):
                continue
            setter = twinned[name]
            owner = short_name(setter.removesuffix(SETTER))
            twin = colouring.renamed[setter]
            reviews.append(
                Review(
                    fn.qualname,
                    write.span,
                    f"cannot tell what `{write.text}` is; if it is {owner}, this assignment"
                    f" runs its setter, which bridges to {twin} (async now) through"
                    " async_to_sync and raises on a running loop: in async code, call"
                    f" `await {write.text.rpartition('.')[0]}.{twin}(...)`",
                )
            )
    return reviews


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and name != "__init__"


def _http_call(name: str) -> bool:
    """Whether ``name`` (``requests.Session.get``) is a request with an async twin."""
    entry = lookup(name)
    return entry is not None and entry.action is Action.REWRITE and entry.family == "http-client"


def _generators_under_a_loop(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """A sync generator bridging to async code, iterated by async code: its
    ``async_to_sync`` runs as it is iterated, on the running loop, and raises."""
    bridged = _bridged_to_async(colouring)
    # Where async code takes its items on a worker thread (``thread_items``).
    offloaded = {(o.function, o.span) for o in colouring.offloads}
    reviews = []
    for function in sorted(bridged):
        fn = graph.functions.get(function)
        if fn is None or not fn.is_generator or fn.is_async:
            continue
        for edge in graph.callers.get(function, []):
            caller = graph.functions[edge.caller]
            if edge.via != "call" or not (caller.is_async or colouring.is_async(caller.qualname)):
                continue
            if (caller.qualname, edge.span) in offloaded:
                continue
            why = colouring.boundaries.get(function, "it stays sync")
            reviews.append(
                Review(
                    caller.qualname,
                    edge.span,
                    f"{fn.name} stays a sync generator ({why}) and runs async code through"
                    " async_to_sync as it is iterated, which raises on this running loop:"
                    f" make {fn.name} async, or iterate it in a thread"
                    " (await sync_to_async(list)(...))",
                )
            )
    return reviews
