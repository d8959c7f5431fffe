"""MIG006 unwind: bridges of an earlier step go once both sides are async.

A gradual migration leaves ``async_to_sync(f)(x)`` where sync code had to
call code that was already async. When a later step makes that caller async,
the bridge becomes ``await f(x)``; ``await sync_to_async(g)(x)`` becomes
``await g(x)`` once ``g`` itself is async. The toolkit recognises asgiref's
bridges wherever they came from, its own or hand-written.
"""

from __future__ import annotations

import libcst as cst

from .base import Rule, on_leave


class Unwind(Rule):
    code = "MIG006"
    name = "unwind"
    summary = "remove bridges that a later step made unnecessary"

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if not isinstance(original.func, cst.Call) or not isinstance(updated, cst.Call):
            return updated
        kind = self.ctx.edits.unwinds.get(self.ctx.pos(original.func) or (0, 0, 0, 0))
        inner = updated.func
        if kind is None or not isinstance(inner, cst.Call) or not inner.args:
            return updated
        target = inner.args[0].value
        call = updated.with_changes(func=target)
        self.ctx.note(self.code, self.ctx.line(original), f"{kind} bridge removed")
        self.ctx.maybe_remove_import("asgiref.sync", kind)
        if kind == "async_to_sync":
            return cst.Await(expression=call)
        return call  # already awaited: ``await sync_to_async(g)(x)``
