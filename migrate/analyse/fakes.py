"""Which test fakes become async: a fake of a function that became async is async."""

from __future__ import annotations

from .decisions import Colouring, Fake
from .graph import CallGraph


def find_fakes(graph: CallGraph, result: Colouring) -> None:
    """Fakes put in place of a function that became async become async.

    The code under test now awaits what it calls, so a sync fake would hand
    it a plain value to await. A fake function becomes ``async def`` (its own
    body stays as it is: it still makes no blocking call), a lambda an
    ``AsyncMock(side_effect=...)``, a ``MagicMock(...)`` an ``AsyncMock(...)``.
    ``time.sleep`` patched where the code now awaits ``asyncio.sleep`` is
    patched on asyncio instead, with an async fake.
    """
    sleeps_move = _sleeps_move(graph, result)
    for fn in graph.functions.values():
        for patch in fn.patches:
            retarget = None
            target = graph.resolve(patch.target)
            if patch.target == "time.sleep" and sleeps_move and patch.target_span is not None:
                retarget = patch.target_span
                target = patch.target
            elif target is None or not result.is_async(target):
                continue
            fake = graph.resolve(patch.fake) if patch.fake else None
            wrap = patch.wrap
            if fake in graph.functions:
                wrap = False
                if graph.functions[fake].is_async or result.is_async(fake):
                    fake = None  # already async
            else:
                fake = None
            if fake is None and not (wrap or patch.is_mock or retarget):
                continue
            result.fakes.append(
                Fake(fn.qualname, target, patch.span, fake, wrap, patch.is_mock, retarget)
            )


def _sleeps_move(graph: CallGraph, result: Colouring) -> bool:
    """Whether some ``time.sleep`` call becomes ``await asyncio.sleep``."""
    for qualname, calls in graph.blocking.items():
        if result.is_async(qualname) or graph.functions[qualname].is_async:
            if any(entry.family == "sleep" and not call.in_lambda for call, entry in calls):
                return True
    return False
