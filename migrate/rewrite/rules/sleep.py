"""MIG002 sleep: ``time.sleep(x)`` -> ``await asyncio.sleep(x)`` in async code.

Also ``from time import sleep`` and ``import time as t``. The ``time``
import goes when nothing else uses it.
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
