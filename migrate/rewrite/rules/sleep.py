"""MIG002 sleep: ``time.sleep(x)`` -> ``await asyncio.sleep(x)`` in async code.

Also ``from time import sleep`` and ``import time as t``. The ``time``
import goes when nothing else uses it. tenacity's retrying loop sleeps with
``time.sleep`` between tries: ``for attempt in Retrying(...)`` becomes ``async
for attempt in AsyncRetrying(...)`` (the same arguments; ``with attempt:``
stays), which sleeps with asyncio.
"""

from __future__ import annotations

import libcst as cst

from .base import Rule, on_leave


class Sleep(Rule):
    code = "MIG002"
    name = "sleep"
    summary = "time.sleep -> await asyncio.sleep"

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if self.ctx.pos(original) not in self.ctx.edits.sleeps or not self.ctx.in_async:
            return updated
        if not isinstance(updated, cst.Call):
            return updated
        self.ctx.add_import("asyncio")
        self.ctx.maybe_remove_import("time")
        self.ctx.maybe_remove_import("time", "sleep")
        self.ctx.note(self.code, self.ctx.line(original), "time.sleep -> await asyncio.sleep")
        call = updated.with_changes(
            func=cst.Attribute(value=cst.Name("asyncio"), attr=cst.Name("sleep"))
        )
        return cst.Await(expression=call)

    @on_leave(cst.For)
    def leave_retry_loop(self, original: cst.For, updated: cst.For) -> cst.For:
        iterated = updated.iter
        if self.ctx.pos(original.iter) not in self.ctx.edits.retry_loops or not self.ctx.in_async:
            return updated
        if not isinstance(iterated, cst.Call) or updated.asynchronous is not None:
            return updated
        func = iterated.func
        if isinstance(func, cst.Attribute):  # ``tenacity.Retrying(...)``
            func = func.with_changes(attr=cst.Name("AsyncRetrying"))
        elif isinstance(func, cst.Name):  # ``from tenacity import Retrying``
            self.ctx.add_import("tenacity", "AsyncRetrying")
            self.ctx.maybe_remove_import("tenacity", func.value)
            func = cst.Name("AsyncRetrying")
        else:
            return updated
        self.ctx.note(self.code, self.ctx.line(original), "Retrying -> async for AsyncRetrying")
        return updated.with_changes(
            asynchronous=cst.Asynchronous(), iter=iterated.with_changes(func=func)
        )
