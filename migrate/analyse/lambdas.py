"""Lambdas calling code that becomes async: a lambda cannot await.

A lambda bound to a local name (``get = lambda u: ...``) is read as the
nested function it stands for (see named_lambdas) and becomes a nested
``async def``; what follows is about the others (in a dict, a call, a return).

In code that stays sync the call in the lambda is bridged
(``lambda u: async_to_sync(fetch)(u)``). A function that would become async
around such a lambda stays sync instead (its calls bridged, async callers
reaching it through ``sync_to_async``): become async, it would hold a call
nothing awaits. A function that was async already gets a review item.
"""

from __future__ import annotations

from .catalogue import Action
from .decisions import Bridge, Colouring, Review
from .frameworks import BRIDGES
from .graph import CallGraph
from .tree import short_name


def awaiting(graph: CallGraph, result: Colouring) -> dict[str, str]:
    """Functions about to become async that hold a lambda calling async code.

    A lambda cannot await, so such a function stays sync (with a bridge in the
    lambda) rather than become async around a call that would go un-awaited.
    """
    held = {}
    for fn in graph.functions.values():
        if fn.is_async or fn.qualname not in result.async_functions:
            continue
        callees = [
            graph.callee_of(call)
            for call in fn.calls
            if call.in_lambda and (fn.qualname, call.span) not in result.lambda_returns
        ]
        # A request made in the lambda itself (``lambda u: session.get(u).json()``).
        blocking = graph.blocking.get(fn.qualname, [])
        sent = [c for c, e in blocking if c.in_lambda and e.action is Action.REWRITE]
        if sent:
            held[fn.qualname] = (
                f"a lambda in it calls {sent[0].text}, which would have to be awaited; a lambda"
                " cannot await: rewrite the lambda as a nested async def to migrate it"
            )
            continue
        # An earlier run's ``lambda x: async_to_sync(f)(x)`` stays as it is, even where
        # what it calls is not known here (``each.status``, ``each`` the lambda's).
        bridged = [r for r in fn.refs if r.in_lambda and r.call_called]
        callees += [graph.resolve(r.target) for r in bridged]
        kept = next((r for r in bridged if BRIDGES.get(r.receiver or "") == "async_to_sync"), None)
        if kept is not None:
            held[fn.qualname] = (
                f"a lambda in it calls {kept.text} through async_to_sync;"
                " rewrite the lambda as a nested async def to migrate it"
            )
            continue
        for callee in callees:
            if callee in graph.functions and (
                graph.functions[callee].is_async or result.is_async(callee)
            ):
                held[fn.qualname] = (
                    f"a lambda in it calls {short_name(callee)}, which is async;"
                    " rewrite the lambda as a nested async def to migrate it"
                )
                break
    return held


def bridge_or_review(graph: CallGraph, result: Colouring) -> None:
    """A lambda calling async code: bridged in sync code, for review in async code; one
    making a request itself that keeps its function sync is for review too."""
    for fn in graph.functions.values():
        why = result.boundaries.get(fn.qualname, "")
        sent = [c for c, e in graph.blocking.get(fn.qualname, []) if c.in_lambda]
        if why.startswith("a lambda in it calls") and sent:
            result.review.append(Review(fn.qualname, sent[0].span, f"{fn.name} stays sync: {why}"))
        for call in fn.calls:
            if not call.in_lambda or (fn.qualname, call.span) in result.lambda_returns:
                continue  # (what a lambda returns to a receiver that awaits it stays)
            callee = graph.callee_of(call)
            if callee is None or callee not in result.async_functions:
                continue
            if fn.is_async or fn.qualname in result.async_functions:
                result.review.append(
                    Review(
                        fn.qualname,
                        call.span,
                        f"a lambda in async code calls {short_name(callee)}, which becomes async;"
                        " a lambda cannot await: rewrite it as a nested async def",
                    )
                )
            else:
                result.bridges.append(
                    Bridge(fn.qualname, callee, call.span, "async_to_sync", "a lambda cannot await")
                )
