"""Calls that must not run together with others, whatever their data flow says.

A call of a function that only sleeps (a rate limiter's ``wait()``) paces
what follows it, as a sleep does: it stays before the requests it paces. A
function that holds what it entered (``with self.lock:``) while it awaits
cannot run in two tasks of one loop: the second blocks the loop's thread on
the lock the first holds, and neither resumes.
"""

from __future__ import annotations

from collections.abc import Iterator

from .catalogue import Action
from .decisions import Colouring
from .graph import CallGraph
from .model import Function

# Sleeps of async code: what an earlier run wrote for ``time.sleep``, or code already async.
ASYNC_SLEEPS = frozenset({"asyncio.sleep", "anyio.sleep", "trio.sleep"})


def held_while_awaiting(callee: str, graph: CallGraph, colouring: Colouring) -> str:
    """What ``callee`` (or an async function it reaches) holds entered while it awaits
    (``with self.lock: ... await asyncio.sleep(d)``), as written; "" for nothing."""
    for fn in _reached(callee, graph, colouring):
        held = set(fn.held_calls)
        rewritten = graph.blocking.get(fn.qualname, [])
        blocking = {c.span for c, e in rewritten if e.action is Action.REWRITE}
        for call in fn.calls:
            found = graph.callee_of(call)
            awaits = call.awaited or call.span in blocking or awaits_async(found, graph, colouring)
            if awaits and call.span in held:
                return fn.held_names[0] if fn.held_names else "a lock"
    return ""


def only_sleeps(callee: str, graph: CallGraph, colouring: Colouring) -> bool:
    """Whether ``callee`` awaits nothing but sleeps, itself or through the async
    functions it reaches: it paces what follows it (a rate limiter's ``wait()``)."""
    slept = False
    for fn in _reached(callee, graph, colouring):
        for _, entry in graph.blocking.get(fn.qualname, []):
            if entry.action is Action.REWRITE and entry.family != "sleep":
                return False
            slept = slept or entry.family == "sleep"
        for call in fn.calls:
            if call.awaited and call.target in ASYNC_SLEEPS:
                slept = True
            elif call.awaited and not awaits_async(graph.callee_of(call), graph, colouring):
                return False  # awaits what the project does not define (a client's get)
    return slept


def awaits_async(name: str | None, graph: CallGraph, colouring: Colouring) -> bool:
    """Whether ``name`` is a project function that is, or becomes, async."""
    return name is not None and (colouring.is_async(name) or graph.functions[name].is_async)


def _reached(callee: str, graph: CallGraph, colouring: Colouring) -> Iterator[Function]:
    """``callee`` and the async functions it calls, each once."""
    seen, todo = {callee}, [callee]
    while todo:
        fn = graph.functions[todo.pop()]
        yield fn
        for call in fn.calls:
            found = graph.callee_of(call)
            if found and found not in seen and awaits_async(found, graph, colouring):
                seen.add(found)
                todo.append(found)
