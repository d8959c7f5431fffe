"""MIG003 async-propagation: ``def`` -> ``async def``, ``await`` at every caller.

The plan colours every function that reaches a blocking call with an async
twin; this rule makes those functions ``async def`` (Flask views, error
handlers and hooks included: Flask runs them on an event loop), awaits every
call of them from async code, and turns iteration over an async generator
into ``async for``. Decorator wrappers (``functools.wraps``) around async
functions become async too, which makes project view decorators async-aware.
"""

from __future__ import annotations

import libcst as cst

from .base import Rule, on_leave


def await_(expr: cst.BaseExpression) -> cst.Await:
    return cst.Await(expression=expr)


class AsyncPropagation(Rule):
    code = "MIG003"
    name = "async-propagation"
    summary = "def -> async def for every function that now awaits; await at every call site"

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.asynchronous is None and self.ctx.qualname in self.ctx.edits.async_functions:
            self.ctx.note(self.code, self.ctx.line(original), f"async def {original.name.value}")
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        if pos in self.ctx.edits.awaits and self.ctx.in_async:
            return await_(updated)
        return updated

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.CompFor)
    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        if self.ctx.pos(original.iter) in self.ctx.edits.async_iterations:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated
