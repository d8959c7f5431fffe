"""Colouring: which functions must become ``async def``, and where bridges go.

Async colour starts at calls with an async twin (catalogue ``rewrite``
entries) and spreads to every caller, across modules, until it meets a
boundary: code that cannot be async (dunders, properties, lambdas, click
commands, ``__main__``, callbacks handed to sync APIs, generators consumed by
sync APIs, a thread's ``run``, excluded code). A boundary stays sync and calls
the async code through ``async_to_sync`` (see finalisers for the exceptions).
Bridge-only blocking calls (sqlite3, files, subprocesses) do not spread colour:
async code calls them through ``sync_to_async``, thread-sensitive when the
resource is bound to a thread.
"""

from __future__ import annotations

from collections import deque

from . import (
    by_name,
    dynamic,
    finalisers,
    generators,
    lambdas,
    library_decorators,
    lifetime,
    methods,
    passed,
    properties,
    raises_calls,
    threads,
    twinned,
    values,
)
from .called_instances import async_instance_calls
from .catalogue import HTTP_VERBS, Action
from .classes import async_call_methods, classes_passed_around, picked_with_sync
from .decisions import Bridge, Colouring, Reason, Review, Scope, Unwind
from .decorated import decorated_reviews, wrapped_with
from .extensions import requests_extension_reviews
from .fakes import find_fakes
from .frameworks import AsgirefBridge
from .graph import CallGraph, Edge
from .handoffs import gathered, handed_over
from .held_locks import held_lock_reviews
from .http_reviews import http_reviews
from .lazy_maps import lazy_map_boundary
from .library_decorators import library_decorator_boundary
from .model import Call, Function
from .overrides import library_call_boundary
from .references import bridge_kind, reference_bridges
from .review import find_reviews
from .stored_callbacks import stored_callbacks
from .test_classes import test_runner_boundary
from .thread_patches import thread_patch_reviews
from .tree import short_name

# Blocking calls that only pace a loop (see the seeding of wrappers below).
_PACING = frozenset({"sleep", "retrying"})


def colour(graph: CallGraph, scope: Scope | None = None) -> Colouring:
    """Spread async colour from blocking calls through the call graph.

    A receiver's parameter given functions (``retry_call(fetch, url)``) is
    converted with them when they all become async; when colouring finds one
    of them staying sync, that parameter is refused and colouring runs again.
    """
    generators.mark_relays(graph)
    flows = passed.parameter_flows(graph)
    refused: dict[tuple[str, str], str] = {}
    held: dict[str, str] = {}
    sites = dynamic.find_sites(graph)  # methods named at run time (see dynamic)
    awaiting: set[tuple[str, int, int]] = set()
    constructors: dict[str, str] = {}
    joined: dict[str, Reason] = {}  # sync functions handed where async ones go (passed.joining)
    # Calls on objects of unknown type, of a method name only project classes have.
    named = by_name.find_sites(graph)
    by_name.link_bridges(graph)
    linked: set[tuple[str, int, int]] = set()
    while True:
        result = _colour(
            graph, scope or Scope(), flows, refused, held, sites, awaiting, constructors, joined
        )
        joining, mixed = passed.joining(flows, refused, graph, result)
        around = {k: v for k, v in lambdas.awaiting(graph, result).items() if k not in held}
        around |= {
            k: v for k, v in generators.awaiting_relays(graph, result).items() if k not in held
        }
        newly = dynamic.all_async(sites, graph, result) - awaiting
        picked = picked_with_sync(graph, result, constructors)
        reached = by_name.all_async(named, graph, result) - linked
        standing = by_name.stand_in_methods(graph, result, joined)
        standing = {q: r for q, r in standing.items() if q not in joined}
        if not (joining or mixed or around or newly or picked or reached or standing):
            break
        reaching = [site for site in named if site.key in reached]
        by_name.link(graph, reaching)
        linked |= reached
        joined |= by_name.stand_ins(reaching, graph, result) | standing
        refused |= mixed
        kept = {v.function for flow in flows if flow.key in refused for v in flow.values}
        joined = {q: r for q, r in (joined | joining).items() if q not in kept}
        held |= around
        awaiting |= newly
        constructors |= picked
    result.review.extend(passed.reviews(graph, flows, refused, result))
    dynamic.apply(sites, awaiting & dynamic.all_async(sites, graph, result), graph, result)
    return result


def _colour(
    graph: CallGraph,
    scope: Scope,
    flows: list[passed.Flow],
    refused: dict[tuple[str, str], str],
    held: dict[str, str],
    sites: list[dynamic.Site],
    awaiting: set[tuple[str, int, int]],
    constructors: dict[str, str],
    joined: dict[str, Reason],
) -> Colouring:
    result = Colouring()
    functions = graph.functions

    passed_around = classes_passed_around(graph)
    result.property_twins.update(twinned.setter_twins(graph))
    for fn in functions.values():
        why = (
            _boundary(fn, graph, scope)
            or _constructor_boundary(fn, graph, passed_around)
            or held.get(fn.qualname)
            or constructors.get(fn.qualname)
        )
        if why:
            result.boundaries[fn.qualname] = why
    for wrapper in async_call_methods(graph, passed_around) + async_instance_calls(
        graph, passed_around
    ):
        if result.boundaries.get(wrapper) == "dunder":
            del result.boundaries[wrapper]
    enabled = passed.enabled(flows, refused, result.boundaries)
    converted = {(v.holder, v.span) for flow in enabled for v in flow.values}
    result.lambda_returns = {(v.holder, v.span) for f in enabled for v in f.values if v.lambda_call}
    looked, tables, every_use = values.lookups(graph, result.boundaries)
    converted |= values.converted_values(looked, tables)
    # Values of a refused parameter: its review says why (see passed.reviews).
    handed = {(v.holder, v.span) for flow in flows for v in flow.values}
    result.boundaries = {**stored_callbacks(graph, handed), **result.boundaries}
    looked, uses = values.kept_lookups(graph, looked, every_use, converted)
    result.boundaries = {**values.client_boundaries(graph, uses), **result.boundaries}
    result.blocking_values = [(u.function, u.span, u.text) for u in uses]
    kept = True  # a client kept on requests with its sync users: more stay sync
    while kept:
        generators.consumed_by_sync_code(graph, result.boundaries)
        for q in functions:
            why = lifetime.context_boundary(q, graph, result.boundaries)
            if why := why or properties.property_boundary(q, graph, result.boundaries):
                twin = properties.twin_property(q, why, graph)
                (result.property_twins if twin else result.boundaries)[q] = twin or why
        kept = values.kept_with_sync_users(graph, result.boundaries, result.review)

    queue: deque[str] = deque()
    for qualname, calls in sorted(graph.blocking.items()):
        fn = functions[qualname]
        rewrites = [(c, e) for c, e in calls if e.action is Action.REWRITE]
        if not rewrites or fn.is_async:
            continue
        if qualname in result.boundaries:
            continue
        if qualname in graph.wrapped_by and all(e.family in _PACING for _, e in rewrites):
            # A decorator's wrapper that only paces (a retry loop sleeping between tries)
            # becomes async with the functions it wraps (the "wraps" edges below), not
            # on its own; one making requests itself (``return self._get(func(self))``)
            # does, and so do the functions it wraps, whose callers get its coroutine.
            continue
        call, entry = rewrites[0]
        result.async_functions[qualname] = Reason(entry.name, call.span, "blocking", entry)
        queue.append(qualname)
        if qualname in graph.wrapped_by:
            queue.extend(wrapped_with(qualname, graph, result))
    queue.extend(passed.seed(enabled, looked, result, functions, tables))
    queue.extend(passed.seed_joined(joined, result))
    queue.extend(dynamic.seed(sites, awaiting, graph, result))
    given = passed.by_value(enabled)

    # Already async (an earlier step): code reaching them through a bridge may move now.
    for fn in functions.values():
        if fn.is_async and any(
            bridge_kind(e, graph) == "async_to_sync" for e in graph.callers.get(fn.qualname, [])
        ):
            queue.append(fn.qualname)

    while queue:
        callee = queue.popleft()
        pre_existing = functions[callee].is_async
        if not pre_existing:
            result.order.append(callee)
            queue.extend(lifetime.with_it(callee, graph, result))
        for flow in given.get(callee, []):
            # Handed to a receiver that calls it: the receiver awaits it now.
            receiver = flow.receiver
            if receiver not in result.async_functions and not functions[receiver].is_async:
                result.async_functions[receiver] = Reason(callee, flow.calls[0].span, "given")
                queue.append(receiver)
        for edge in graph.callers.get(callee, []):
            caller = functions[edge.caller]
            bridged = bridge_kind(edge, graph)
            if bridged is not None and edge.ref is not None and edge.ref.call_span:
                if bridged == "async_to_sync" or edge.ref.call_called:
                    _unwind(edge, callee, caller, bridged, pre_existing, result, queue)
                continue  # a module's ``load = sync_to_async(db.load)``: see plan.aliases
            if pre_existing:
                continue  # only bridges lead out of code that was async already
            if edge.via == "ref":
                if not gathered(edge, graph, result) or caller.is_async:
                    continue  # handled below, once colouring is complete
                # map(f, xs) / executor.map(f, xs): the holder becomes async and
                # the fan-out a gather (a boundary keeps it and bridges f instead).
                if caller.qualname not in result.boundaries and (
                    caller.qualname not in result.async_functions
                ):
                    result.async_functions[caller.qualname] = Reason(callee, edge.span, "calls")
                    queue.append(caller.qualname)
                continue
            if edge.via == "decorator":
                if caller.qualname in result.boundaries:
                    result.review.append(
                        Review(
                            caller.qualname,
                            caller.span,
                            "this decorator wrapper stays sync"
                            f" ({result.boundaries[caller.qualname]}) but wraps"
                            f" {short_name(callee)}, which becomes async: migrate them together",
                        )
                    )
                    continue
                if caller.qualname not in result.async_functions:
                    result.async_functions[caller.qualname] = Reason(callee, edge.span, "wraps")
                    queue.append(caller.qualname)
                    queue.extend(wrapped_with(caller.qualname, graph, result))
                continue
            if edge.call is None:
                continue
            call = edge.call
            if caller.is_async:
                if not call.awaited:
                    result.await_sites.append((callee, edge))
                continue
            if call.in_lambda:
                continue  # decided below: a lambda cannot await
            if twinned.kept_dunder(call, callee, graph):
                continue  # ``jobs[k] += 1``: the dunder stays, bridging to its twin
            if caller.qualname in result.boundaries:
                if call.dunder or callee in result.property_twins:
                    continue  # ``name in jobs`` in sync code: the dunder bridges to its twin
                result.bridges.append(
                    _bridge(caller, callee, call, result.boundaries[caller.qualname])
                )
                continue
            if caller.qualname not in result.async_functions:
                result.async_functions[caller.qualname] = Reason(callee, call.span, "calls")
                queue.append(caller.qualname)
                if caller.qualname in graph.wrapped_by:  # see the seeding above
                    queue.extend(wrapped_with(caller.qualname, graph, result))

    for flow in enabled:
        receiver_async = functions[flow.receiver].is_async or result.is_async(flow.receiver)
        if receiver_async and passed.takes_generators(flow, graph, result):
            result.param_iterations += [(flow.receiver, c.span) for c in flow.calls]
        elif receiver_async and passed.async_values(flow, graph, result):
            result.param_awaits += [(flow.receiver, c.span) for c in flow.calls if not c.awaited]
    result.renamed = lifetime.async_names(graph, result)
    lambdas.bridge_or_review(graph, result)
    reference_bridges(graph, result, converted, handed)
    raises_calls.carry(graph, result)
    _shared_clients(graph, result)
    decorated_reviews(graph, result)
    library_decorators.reviews(graph, result)
    result.review.extend(generators.refused(graph, result))
    result.review.extend(
        values.reviews(graph, [u for u in uses if (u.function, u.span) not in handed])
    )
    threads.offload_blocking(graph, result)
    values.offload_value_calls(graph, uses, result)
    _http_verbs(graph, result)
    find_fakes(graph, result)
    result.review.extend(find_reviews(graph, result))
    result.review.extend(twinned.reviews(graph, result))
    result.review.extend(http_reviews(graph, result))
    result.review.extend(requests_extension_reviews(graph))
    result.review.extend(held_lock_reviews(graph, result))
    result.review.extend(thread_patch_reviews(graph, result))
    return result


def _unwind(
    edge: Edge,
    callee: str,
    caller: Function,
    kind: AsgirefBridge,
    pre_existing: bool,
    result: Colouring,
    queue: deque[str],
) -> None:
    assert edge.ref is not None and edge.ref.call_span is not None
    if kind == "sync_to_async":
        # The function was offloaded to a thread while sync; now it is async itself.
        if not pre_existing and (caller.is_async or caller.qualname in result.async_functions):
            result.unwinds.append(Unwind(caller.qualname, callee, edge.ref.call_span, kind))
        return
    if caller.qualname in result.boundaries or edge.ref.in_lambda:
        return  # the bridge stays: this caller (or the lambda it sits in) stays sync
    if handed_over(caller, edge.ref.call_span):
        return  # ``Thread(target=async_to_sync(f))``: the bridged function runs elsewhere
    if not edge.ref.call_called:
        return  # stored (``sys.excepthook = async_to_sync(f)``): called elsewhere too
    result.unwinds.append(Unwind(caller.qualname, callee, edge.ref.call_span, kind))
    if not caller.is_async and caller.qualname not in result.async_functions:
        result.async_functions[caller.qualname] = Reason(callee, edge.span, "calls")
        queue.append(caller.qualname)


def _boundary(fn: Function, graph: CallGraph, scope: Scope) -> str | None:
    """Why ``fn`` must stay sync, or None when it may become async."""
    if fn.boundary and not (fn.boundary == "property" and twinned.setter_twin(fn, graph)):
        return fn.boundary
    if twinned.kept_sync(fn, graph):
        return "dunder"
    if fn.qualname in graph.project.entry_points:
        return graph.project.entry_points[fn.qualname]
    if scope.excluded(fn.qualname, graph.project.facts[fn.module].path):
        return "excluded"
    if fn.memoised and fn.async_memo is None:
        return "memoised"
    found = generators.generator_boundary(fn, graph) or lazy_map_boundary(fn, graph)
    found = found or threads.thread_boundary(fn, graph) or library_call_boundary(fn, graph)
    return found or library_decorator_boundary(fn, graph) or test_runner_boundary(fn, graph)


def _constructor_boundary(
    fn: Function, graph: CallGraph, passed_around: set[str | None]
) -> str | None:
    """Why an ``__init__`` that would await cannot become the class's async factory."""
    owner = fn.class_qualname
    if fn.name not in ("__init__", "__post_init__") or owner is None:
        return None
    if fn.name == "__post_init__" and f"{owner}.__init__" in graph.functions:
        return None  # run by the class's own __init__, as a method
    if f"{owner}.create" in graph.functions or f"{owner}._async_init" in graph.functions:
        return "constructor: class defines create"
    if owner in passed_around:
        return "constructor: class passed as a value"
    return None


def _bridge(caller: Function, callee: str, call: Call, boundary: str) -> Bridge:
    kind = finalisers.bridge_kind(caller, boundary)
    why = f"{caller.name} stays sync: {boundary}"
    if boundary == "dunder" and kind == "async_to_sync":
        # ``a == b``, ``str(a)`` in async code run it on the loop's thread: it waits
        # there (block_on) as the legacy call blocked, where async_to_sync raises.
        why += " (Python calls it, maybe on a running loop: it waits there)"
        return Bridge(caller.qualname, callee, call.span, kind, why, anywhere=True)
    return Bridge(caller.qualname, callee, call.span, kind, why)


def _shared_clients(graph: CallGraph, result: Colouring) -> None:
    """Sync code that keeps calling a shared client which becomes async.

    A module-global session becomes async as soon as one async function uses it; its
    other users, staying sync, go through ``async_to_sync`` (while none is, it stays).
    """
    converted: set[tuple[str, str]] = set()
    for qualname, calls in graph.blocking.items():
        fn = graph.functions[qualname]
        if qualname not in result.async_functions:
            continue
        for call, entry in calls:
            if entry.action is Action.REWRITE and _on_shared_object(graph, fn, call):
                converted.add((fn.module, call.text.split(".")[0]))
    for qualname, calls in graph.blocking.items():
        if qualname in result.async_functions:
            continue
        fn = graph.functions[qualname]
        if fn.is_async:
            continue
        for call, entry in calls:
            if entry.action is not Action.REWRITE or not _on_shared_object(graph, fn, call):
                continue
            if (fn.module, call.text.split(".")[0]) not in converted:
                continue
            why = result.boundaries.get(qualname, "not reached from async code")
            result.bridges.append(
                Bridge(
                    qualname, entry.name, call.span, "async_to_sync", f"{fn.name} stays sync: {why}"
                )
            )


def _on_shared_object(graph: CallGraph, fn: Function, call: Call) -> bool:
    """Whether ``call`` goes through a module-global client (``session.get``)."""
    head = call.text.split(".")[0]
    facts = graph.project.facts.get(fn.module)
    return bool(facts and head in facts.typed_names and "." in call.text)


def _http_verbs(graph: CallGraph, result: Colouring) -> None:
    """Which HTTP methods each async function ends up sending (for ordering rules).

    Functions made async by an earlier step no longer call the catalogue: a
    call of a method named like a verb (``client.post``) counts for them, so
    a later step still keeps their writes in order.
    """
    functions = graph.functions
    async_now = set(result.async_functions) | {q for q, f in functions.items() if f.is_async}
    verbs: dict[str, set[str]] = {}
    for qualname in async_now:
        found: set[str] = set()
        for call, entry in graph.blocking.get(qualname, []):
            if entry.http_method and call.method_param:
                found.add(methods.PARAM + call.method_param)
            elif call.http_verb or entry.http_method:
                found.add(call.http_verb or entry.http_method or "")
        if functions[qualname].is_async:
            for call in functions[qualname].calls:
                last = call.text.rsplit(".", 1)[-1]
                if "." in call.text and last.lower() in HTTP_VERBS:
                    found.add(last.upper())
                elif "." in call.text and last == "request":
                    # ``await client.request(method, url)``: the method it is given.
                    param = call.method_param and methods.PARAM + call.method_param
                    found.add(call.http_verb or param or methods.UNKNOWN)
        verbs[qualname] = found
    for _ in range(len(async_now) + 1):
        changed = False
        for edge in graph.edges:
            if (edge.caller in verbs and edge.callee in verbs and edge.via != "ref") or (
                edge.caller in verbs and edge.callee in verbs and bridge_kind(edge, graph)
            ):
                sent = verbs[edge.callee]
                if edge.call is not None and any(v.startswith(methods.PARAM) for v in sent):
                    # ``call("GET", path)`` through ``def call(method, path)``.
                    sent = methods.resolved(sent, functions[edge.callee], edge.call)
                missing = sent - verbs[edge.caller]
                if missing:
                    verbs[edge.caller] |= missing
                    changed = True
        if not changed:
            break
    result.verbs_with_params = {
        q: found for q, found in verbs.items() if any(v.startswith(methods.PARAM) for v in found)
    }
    # Read on its own, a function sends whatever its parameter holds: any method.
    result.http_verbs = {
        q: {methods.UNKNOWN if v.startswith(methods.PARAM) else v for v in found}
        for q, found in verbs.items()
    }
