"""MIG009 async-fakes: a fake monkeypatched in for a function that became async is async.

``monkeypatch.setattr(api, "fetch", fake_fetch)`` where ``api.fetch`` is now
``async def``: the code under test awaits what it calls, so ``fake_fetch``
becomes ``async def`` too (its body is unchanged). A lambda cannot be async:
it is wrapped as ``AsyncMock(side_effect=lambda ...)``, which returns what the
lambda returns when awaited (and raises what it raises).
"""

from __future__ import annotations

import libcst as cst

from .base import Rule, on_leave


class AsyncFakes(Rule):
    code = "MIG009"
    name = "async-fakes"
    summary = "monkeypatched fakes of functions that became async become async"

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.asynchronous is None and self.ctx.qualname in self.ctx.edits.async_fakes:
            self.ctx.note(
                self.code, self.ctx.line(original), f"async def {original.name.value} (a fake)"
            )
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    @on_leave(cst.Lambda)
    def leave_Lambda(self, original: cst.Lambda, updated: cst.BaseExpression) -> cst.BaseExpression:
        if self.ctx.pos(original) not in self.ctx.edits.fake_lambdas:
            return updated
        self.ctx.add_import("unittest.mock", "AsyncMock")
        self.ctx.note(self.code, self.ctx.line(original), "lambda fake -> AsyncMock")
        call = cst.parse_expression("AsyncMock(side_effect=_)")
        assert isinstance(call, cst.Call)
        return call.with_changes(args=[call.args[0].with_changes(value=updated)])
