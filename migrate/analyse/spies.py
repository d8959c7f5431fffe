"""Fakes that wrap what they replace: ``site.fetch = Counter(site.fetch)``, a
callable class whose ``__call__`` counts and calls the function it was handed.

The fake becomes async (see fakes); the call of the function it was handed
(linked by kept_callbacks), async now, is awaited in it. Without the await,
``await site.fetch(...)`` would give the caller a coroutine.
"""

from __future__ import annotations

from .decisions import Colouring
from .graph import CallGraph
from .model import Span


def spied_calls(graph: CallGraph, result: Colouring, call_method: str) -> tuple[Span, ...]:
    """In ``call_method`` (a fake class's ``__call__``), the calls of the function its
    constructor was handed, where that function is async now."""
    return tuple(
        where
        for (method, where), functions in graph.callback_calls.items()
        if method == call_method and any(result.is_async(f) for f in functions)
    )
