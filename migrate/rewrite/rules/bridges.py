"""MIG004 bridges: where sync and async code meet, through asgiref.

* A sync boundary (dunder, property, lambda, click command, callback handed
  to a sync API, a generator a sync API consumes, excluded code) calling
  now-async code: ``async_to_sync(f)(...)``. It starts an event loop in a
  worker thread when none runs, and raises if one runs in this thread, which
  the plan checks for.
* The ``if __name__ == "__main__":`` block: ``asyncio.run(f(...))``: a true
  top level, where no loop can be running and no asgiref is needed.
* Async code calling blocking code with no async twin (sqlite3, files,
  subprocesses, project functions that use them):
  ``await sync_to_async(f)(...)``; thread-sensitive (asgiref's default)
  where the resource belongs to a thread (an sqlite3 connection), so those
  calls never overlap; ``thread_sensitive=False`` where overlap is safe.
"""

from __future__ import annotations

import libcst as cst

from ...plan.edits import BridgeEdit
from ..nodes import code_of
from .base import Rule, on_leave


class Bridges(Rule):
    code = "MIG004"
    name = "bridges"
    summary = "async_to_sync / asyncio.run / sync_to_async where sync and async meet"

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        bridge = self.ctx.edits.bridges.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if bridge is None or bridge.is_reference or not isinstance(updated, cst.Call):
            return updated
        line = self.ctx.line(original)
        if bridge.kind == "asyncio.run":
            self.ctx.add_import("asyncio")
            self.ctx.note(self.code, line, "asyncio.run at the top level")
            return cst.Call(
                func=cst.Attribute(value=cst.Name("asyncio"), attr=cst.Name("run")),
                args=[cst.Arg(updated)],
            )
        if bridge.kind == "async_to_sync":
            self.ctx.add_import("asgiref.sync", "async_to_sync")
            self.ctx.note(self.code, line, "async_to_sync bridge")
            return updated.with_changes(
                func=cst.Call(func=cst.Name("async_to_sync"), args=[cst.Arg(updated.func)])
            )
        if bridge.kind == "sync_to_async" and self.ctx.in_async:
            return self._offload(updated, bridge, line)
        return updated

    def _offload(self, call: cst.Call, bridge: BridgeEdit, line: int) -> cst.BaseExpression:
        self.ctx.add_import("asgiref.sync", "sync_to_async")
        self.ctx.note(
            self.code, line, f"sync_to_async bridge (thread_sensitive={bridge.thread_sensitive})"
        )
        args = [cst.Arg(call.func)]
        if not bridge.thread_sensitive:
            # asgiref's default is thread-sensitive: only the exception is spelt out.
            args.append(
                cst.Arg(
                    cst.Name("False"),
                    keyword=cst.Name("thread_sensitive"),
                    equal=cst.AssignEqual(
                        whitespace_before=cst.SimpleWhitespace(""),
                        whitespace_after=cst.SimpleWhitespace(""),
                    ),
                )
            )
        wrapped = cst.Call(func=cst.Name("sync_to_async"), args=args)
        return cst.Await(expression=call.with_changes(func=wrapped))

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        return self._reference(original, updated, "." not in original.value)

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        return self._reference(original, updated, True)

    def _reference(
        self, original: cst.CSTNode, updated: cst.BaseExpression, outermost: bool
    ) -> cst.BaseExpression:
        bridge = self.ctx.edits.bridges.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if bridge is None or not bridge.is_reference or not outermost:
            return updated
        code = code_of(original)
        if code != bridge.text:
            return updated
        self.ctx.add_import("asgiref.sync", "async_to_sync")
        self.ctx.note(self.code, self.ctx.line(original), "async_to_sync around a callback")
        return cst.Call(func=cst.Name("async_to_sync"), args=[cst.Arg(updated)])
