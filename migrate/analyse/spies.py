"""Fakes that wrap what they replace: ``site.fetch = Counter(site.fetch)``, a
callable class whose ``__call__`` counts and calls the function it was handed.

The fake becomes async (see fakes); the call of the function it was handed,
async now, is awaited in it. Without the await, ``await site.fetch(...)``
would give the caller a coroutine.
"""

from __future__ import annotations

from .decisions import Colouring
from .given import given
from .graph import CallGraph
from .model import Function, Span


def spied_calls(
    graph: CallGraph, result: Colouring, test: Function, made_at: Span, call_method: str
) -> tuple[Span, ...]:
    """In ``call_method`` (a fake class's ``__call__``), the calls of ``self.<attr>``
    where ``<attr>`` keeps a constructor parameter that ``test``, making the fake at
    ``made_at``, handed a function that is async now."""
    cls = call_method.removesuffix(".__call__")
    init = graph.functions.get(f"{cls}.__init__")
    method = graph.functions.get(call_method)
    made = next((call for call in test.calls if call.span == made_at), None)
    if init is None or method is None or made is None:
        return ()
    spied = set()
    for param, attr in init.kept_params:
        held = given(init, made, 1, param)
        handed = graph.resolve(held) if held else None
        if handed in graph.functions and (
            graph.functions[handed].is_async or result.is_async(handed)
        ):
            spied.add(f"self.{attr}")
    return tuple(span for _, called, span in method.param_calls if called in spied)
