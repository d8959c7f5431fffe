"""Locks held across an await: ``with self.lock:`` around code that now awaits.

A ``threading.Lock`` held while a coroutine waits is held by its task, and a
second task of the same loop entering it blocks the loop's own thread: the
first never resumes to let it go. Gathers never run such calls together (see
pacing), but the code's own callers may; the plan says so where it happens.
"""

from __future__ import annotations

from .decisions import Colouring, Review
from .graph import CallGraph
from .pacing import Pacing


def held_lock_reviews(graph: CallGraph, colouring: Colouring) -> list[Review]:
    """A review item for each function becoming async that holds what it entered
    (``with self.lock:``) across an await of its own."""
    pacing = Pacing(graph, colouring)
    found = []
    for qualname in colouring.async_functions:
        fn = graph.functions[qualname]
        held = pacing.held_here(fn)
        if held:
            found.append(
                Review(
                    qualname,
                    fn.span,
                    f"{fn.name} awaits while it holds {held}: two tasks calling it at once on"
                    f" one loop would deadlock (the second blocks the loop's thread on {held});"
                    " gathers never run them together; where callers do, on one loop, an"
                    " asyncio.Lock entered with async with serves",
                )
            )
    return found
