"""MIG006 unwind: bridges of an earlier step go once both sides are async.

A gradual migration leaves ``async_to_sync(f)(x)`` where sync code had to
call code that was already async. When a later step makes that caller async,
the bridge becomes ``await f(x)``; ``await sync_to_async(g)(x)`` becomes
``await g(x)`` once ``g`` itself is async; a module-level bridge
(``load = sync_to_async(db.load)``) goes, and ``await load(x)`` becomes
``await db.load(x)``. The toolkit recognises asgiref's bridges wherever
they came from, its own or hand-written.
"""

from __future__ import annotations

import libcst as cst

from .base import Rule, StatementResult, on_leave


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

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        target = self.ctx.edits.alias_uses.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if target is None:
            return updated
        return cst.parse_expression(target)

    @on_leave(cst.SimpleStatementLine)
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.BaseStatement
    ) -> StatementResult:
        pos = self.ctx.pos(original)
        alias = self.ctx.edits.dropped_aliases.get(pos[:2]) if pos else None
        if alias is None:
            return updated
        self.ctx.note(self.code, pos[0] if pos else 0, f"{alias} = sync_to_async(...) removed")
        self.ctx.maybe_remove_import("asgiref.sync", "sync_to_async")
        return cst.RemovalSentinel.REMOVE
