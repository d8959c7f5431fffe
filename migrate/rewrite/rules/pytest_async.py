"""MIG007 pytest-asyncio: tests and fixtures that became async run under pytest-asyncio.

A test that now awaits is an ``async def``, which pytest alone would skip
(and warn about). In pytest-asyncio's strict mode (its default) each one is
marked ``@pytest.mark.asyncio`` and each async fixture is declared with
``@pytest_asyncio.fixture``; in auto mode nothing is needed. The mode is the
project's own (``asyncio_mode`` in its pytest configuration), read by
``migrate apply``; MIG010 adds pytest-asyncio and its settings.
"""

from __future__ import annotations

import libcst as cst

from .base import Rule


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    if isinstance(node, cst.Call):
        return _dotted(node.func)
    return ""


def _marker() -> cst.Decorator:
    return cst.Decorator(decorator=cst.parse_expression("pytest.mark.asyncio"))


class PytestAsync(Rule):
    code = "MIG007"
    name = "pytest-asyncio"
    summary = "async tests get @pytest.mark.asyncio, async fixtures @pytest_asyncio.fixture"

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        kind = self.ctx.edits.async_tests.get(self.ctx.qualname)
        if kind is None or original.asynchronous is not None:
            return updated
        if self.ctx.options.asyncio_mode == "auto":
            return updated
        names = [_dotted(d.decorator) for d in updated.decorators]
        if kind == "pytest-test":
            if any(n.endswith("mark.asyncio") for n in names):
                return updated
            self.ctx.add_import("pytest")
            self.ctx.note(
                self.code, self.ctx.line(original), f"{original.name.value}: asyncio mark"
            )
            return updated.with_changes(decorators=[_marker(), *updated.decorators])
        decorators = list(updated.decorators)
        for i, (deco, name) in enumerate(zip(decorators, names)):
            if name not in ("pytest.fixture", "fixture"):
                continue
            new = cst.parse_expression("pytest_asyncio.fixture")
            expr = deco.decorator
            decorators[i] = deco.with_changes(
                decorator=expr.with_changes(func=new) if isinstance(expr, cst.Call) else new
            )
            self.ctx.add_import("pytest_asyncio")
            self.ctx.maybe_remove_import("pytest")
            self.ctx.maybe_remove_import("pytest", "fixture")
            self.ctx.note(
                self.code, self.ctx.line(original), f"{original.name.value}: async fixture"
            )
            return updated.with_changes(decorators=decorators)
        return updated
