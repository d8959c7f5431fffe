"""Finalisers: code Python runs at collection or at exit, synchronously.

``__del__`` runs wherever the object happens to be collected, often inside a
running event loop, where ``async_to_sync`` raises; an exit hook
(``atexit.register(client.close)``, a function decorated ``@atexit.register``)
runs once the interpreter is shutting down, when asgiref can no longer start
the thread its bridge needs. Both stay sync: ``__del__`` hands what became
async to the ``run_soon`` helper (a task on the running loop, whose client it
likely closes, or a loop of its own where none runs), an exit hook runs it
with ``asyncio.run``, as no loop runs any more.
"""

from __future__ import annotations

from .decisions import Bridge, BridgeKind
from .frameworks import EXIT_HOOKS
from .model import Function, Ref


def bridge_kind(caller: Function, boundary: str) -> BridgeKind:
    """How a sync ``caller`` (staying sync because of ``boundary``) runs async code."""
    exit_hook = any(d.target in EXIT_HOOKS for d in caller.decorators)
    # Where no loop runs (a script's top, a console script, an exit hook): on its thread.
    if exit_hook or boundary.startswith(("__main__", "console script ")):
        return "asyncio.run"
    if caller.name == "__del__":
        return "run_soon"
    return "async_to_sync"


def exit_hook_bridge(callee: str, ref: Ref, holder: Function, receiver: str) -> Bridge | None:
    """``atexit.register(client.close)``, the function alone: run on a loop of its own."""
    if receiver not in EXIT_HOOKS or ref.position != 0:
        return None
    call = next((c for c in holder.calls if c.span == ref.call_span), None)
    if call is None or call.positional != 1 or call.keywords:
        return None  # called with arguments: async_to_sync, as other callbacks
    why = "run at exit, where no loop runs"
    kind: BridgeKind = "asyncio.run"
    return Bridge(holder.qualname, callee, ref.span, kind, why, is_reference=True, text=ref.text)
