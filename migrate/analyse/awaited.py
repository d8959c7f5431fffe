"""The calls of a function that are (or become) awaited, as gathers see them.

Each is a fetch (a request, or a project function that makes one), a sleep
that paces what follows, a call to a blocking function bridged to a thread,
or a close; with what it changes (its receiver, module globals, what its
parameters hold), the HTTP methods it sends and what it holds while it waits.
"""

from __future__ import annotations

from . import methods
from .catalogue import Action
from .decisions import Colouring
from .gathers import Awaited
from .gathers.model import fetch_kind
from .graph import CallGraph
from .model import Call, Function, Span
from .pacing import ASYNC_SLEEPS, Pacing, awaits_async
from .receivers import changed_params, receiver_changes
from .twinned import membership_test


def awaited_calls(
    fn: Function, graph: CallGraph, colouring: Colouring, pacing: Pacing | None = None
) -> dict[Span, Awaited]:
    """The calls of ``fn`` that are (or become) awaited, by position."""
    pacing = pacing or Pacing(graph, colouring)
    found: dict[Span, Awaited] = {}
    facts = graph.project.facts.get(fn.module)
    aliases = facts.bridge_aliases if facts is not None else {}
    for call in fn.calls:
        if call.in_lambda or call.context_manager:
            continue
        if call.awaited and call.text in aliases:
            # ``await load(...)`` through an earlier run's ``load = sync_to_async(...)``:
            # the same bridge the first run saw, so the same fan-outs are found.
            found[call.span] = Awaited(call.text, "bridge")
            continue
        if call.target in ASYNC_SLEEPS and call.awaited:
            # Code already async that paces its requests (or an earlier run's time.sleep).
            found[call.span] = Awaited(call.target, "sleep")
            continue
        callee = graph.callee_of(call)
        if callee is None:
            continue
        target = graph.functions[callee]
        if target.is_generator or membership_test(call, callee, graph):
            continue
        # Already async: a call that is not awaited is handed to something (gather, a task).
        pacing_calls = pacing.only_sleeps(callee) or pacing.polls(callee)
        if awaits_async(callee, graph, colouring) and pacing_calls:
            # A rate limiter's ``wait()``, or a job's (polling its state): it paces
            # what follows, as a sleep does.
            found[call.span] = Awaited(callee, "sleep", holds=pacing.holds(callee))
        elif colouring.is_async(callee) or (target.is_async and call.awaited):
            verbs = _sent(callee, call, graph, colouring)
            # A constructor changes the instance it makes, which no other call sees.
            changes = receiver_changes(target, graph) if target.name != "__init__" else ()
            found[call.span] = Awaited(
                callee,
                fetch_kind(callee),
                verbs,
                changes_receiver=changes,
                counts_receiver=target.self_counts if target.name != "__init__" else (),
                changes_globals=pacing.changes_globals(callee),
                changes_params=changed_params(target),
                holds=pacing.holds(callee),
                replaced=pacing.replaced(callee),
            )
    for call, entry in graph.blocking.get(fn.qualname, []):
        if entry.action is not Action.REWRITE or call.in_lambda:
            continue
        if entry.family == "sleep":
            found[call.span] = Awaited(entry.name, "sleep")
            continue
        if entry.family == "urllib":
            # Each carried urlopen gets a one-off client around its own statement
            # (MIG012); gathering them is not written. Calls of the functions
            # making them are gathered like any other.
            continue
        verb = call.http_verb or entry.http_method  # ``request("POST", u)``: "REQUEST"
        kind = fetch_kind(entry.replacement)
        found[call.span] = Awaited(entry.name, kind, frozenset({verb} if verb else ()))
    for unwind in colouring.unwinds:
        if unwind.function == fn.qualname and unwind.kind == "async_to_sync":
            verbs = frozenset(colouring.http_verbs.get(unwind.callee, ()))
            found[unwind.span] = Awaited(unwind.callee, "fetch", verbs, unwound=True)
    for bridge in (*colouring.bridges, *colouring.offloads):
        if bridge.function == fn.qualname and bridge.kind == "sync_to_async":
            found.setdefault(bridge.span, Awaited(bridge.callee, "bridge"))
    return found


def _sent(callee: str, call: Call, graph: CallGraph, colouring: Colouring) -> frozenset[str]:
    """The HTTP methods ``call`` of ``callee`` sends: a wrapper's ``method`` parameter
    is what this call gives it (a constant, or any method)."""
    with_params = colouring.verbs_with_params.get(callee)
    if with_params is None:
        return frozenset(colouring.http_verbs.get(callee, ()))
    sent = methods.resolved(with_params, graph.functions[callee], call)
    return frozenset(methods.UNKNOWN if v.startswith(methods.PARAM) else v for v in sent)
