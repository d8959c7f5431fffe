"""MIG007 pytest-asyncio: tests and fixtures that became async run under pytest-asyncio.

unittest-style tests are the exception: the class deriving from
``unittest.TestCase`` itself, above a test method that becomes async (the
test's own class, or a suite's base class with its helpers, in any module),
becomes a ``unittest.IsolatedAsyncioTestCase`` (stdlib, runs each async test
on its own loop, under pytest or unittest alike); its tests get no
pytest-asyncio marker.


A test that now awaits is an ``async def``, which pytest alone would skip
(and warn about). In pytest-asyncio's strict mode (its default) each one is
marked ``@pytest.mark.asyncio`` and each async fixture is declared with
``@pytest_asyncio.fixture``, on a loop as long-lived as the fixture
(``loop_scope=`` its ``scope=``); in auto mode nothing is needed. The mode is the
project's own (``asyncio_mode`` in its pytest configuration), read by
``migrate apply``; MIG010 adds pytest-asyncio and its settings.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from ...analyse.frameworks import UNITTEST_ASYNC_HOOKS
from .base import Rule, on_leave


def _name(node: cst.CSTNode) -> str:
    """``pytest.fixture`` for ``@pytest.fixture(scope=...)`` too: a call names its callee."""
    return get_full_name_for_node(node) or ""


def _marker() -> cst.Decorator:
    return cst.Decorator(decorator=cst.parse_expression("pytest.mark.asyncio"))


def _on_loop_of_scope(fixture: cst.Call) -> cst.Call:
    """``scope="module"`` -> ``scope="module", loop_scope="module"``: a fixture
    outliving a test cannot run on the test's loop (pytest-asyncio raises
    ScopeMismatch), so it runs on a loop that lives as long as it does."""
    keywords = {a.keyword.value: a for a in fixture.args if a.keyword is not None}
    scope = keywords.get("scope")
    if scope is None or "loop_scope" in keywords:
        return fixture
    if isinstance(scope.value, cst.SimpleString) and scope.value.evaluated_value == "function":
        return fixture
    loop_scope = cst.Arg(
        scope.value.deep_clone(),
        keyword=cst.Name("loop_scope"),
        equal=scope.equal,
    )
    args = list(fixture.args)
    last = args[-1]
    args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return fixture.with_changes(args=[*args, loop_scope.with_changes(comma=last.comma)])


class PytestAsync(Rule):
    code = "MIG007"
    name = "pytest-asyncio"
    summary = "async tests get @pytest.mark.asyncio, async fixtures @pytest_asyncio.fixture"

    @on_leave(cst.ClassDef)
    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        # The plan names the classes deriving from unittest.TestCase itself
        # (maybe a suite's own base class with helpers): only that base changes.
        if self.ctx.qualname not in self.ctx.edits.async_testcases:
            return updated
        bases = []
        for arg in updated.bases:
            name = _name(arg.value)
            if name == "unittest.TestCase":
                arg = arg.with_changes(
                    value=cst.parse_expression("unittest.IsolatedAsyncioTestCase")
                )
            elif name == "TestCase":
                arg = arg.with_changes(value=cst.Name("IsolatedAsyncioTestCase"))
                self.ctx.add_import("unittest", "IsolatedAsyncioTestCase")
                self.ctx.maybe_remove_import("unittest", "TestCase")
            bases.append(arg)
        self.ctx.note(
            self.code, self.ctx.line(original), f"{original.name.value}: IsolatedAsyncioTestCase"
        )
        return updated.with_changes(bases=bases)

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``super().setUp()`` in a hook that became ``asyncSetUp``: the base's twin."""
        if self.ctx.qualname not in self.ctx.edits.async_hooks:
            return updated
        if not isinstance(updated, cst.Attribute) or _name(updated.value) != "super":
            return updated
        twin = UNITTEST_ASYNC_HOOKS.get(updated.attr.value)
        return updated.with_changes(attr=cst.Name(twin)) if twin else updated

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """``super().setUp()`` returns asyncSetUp's coroutine now: awaited (where the
        base's own hook became async, async propagation awaits it already)."""
        func = original.func
        if (
            self.ctx.qualname not in self.ctx.edits.async_hooks
            or not isinstance(func, cst.Attribute)
            or _name(func.value) != "super"
            or func.attr.value not in UNITTEST_ASYNC_HOOKS
            or self.ctx.pos(original) in self.ctx.edits.awaits
        ):
            return updated
        return cst.Await(updated)

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if self.ctx.qualname in self.ctx.edits.async_hooks:
            # IsolatedAsyncioTestCase awaits asyncSetUp/asyncTearDown, never an async setUp.
            twin = UNITTEST_ASYNC_HOOKS[original.name.value]
            self.ctx.note(self.code, self.ctx.line(original), f"{original.name.value}: {twin}")
            return updated.with_changes(name=cst.Name(twin))
        kind = self.ctx.edits.async_tests.get(self.ctx.qualname)
        if kind is None or original.asynchronous is not None:
            return updated
        if self.ctx.options.asyncio_mode == "auto":
            return updated
        names = [_name(d.decorator) for d in updated.decorators]
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
            if isinstance(expr, cst.Call):
                expr = _on_loop_of_scope(expr)
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
