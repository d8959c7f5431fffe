"""MIG005 gather: independent awaits run together.

The analysis finds the spots and says which are safe (docs/rules.md#mig005).
Safe spots become one awaited call of ``gather_in_order``, a small helper
(stdlib only) in the package's helpers module (see ``rewrite/helpers.py``):

* consecutive ``a = await f(x)`` / ``b = await g(y)`` ->
  ``a, b = await gather_in_order(f(x), g(y))``;
* ``for x in xs: out.append(await f(x))`` ->
  ``out.extend(await gather_in_order(*(f(x) for x in xs), limit=N))``;
* ``[await f(x) for x in xs]`` -> ``await gather_in_order(*(...), limit=N)``
  (a set comprehension keeps its shape with ``set(...)``).

Why a helper and not bare ``asyncio.gather``: ``gather`` raises whichever
exception happens first in time, and ``TaskGroup`` raises an
``ExceptionGroup`` that ``except httpx.HTTPError:`` does not catch. The
helper raises what the sequential code would have raised first (the first
failing call in order) and cancels the calls after it, and it bounds a
user-sized fan-out so an upstream is never flooded.
"""

from __future__ import annotations

import libcst as cst

from ...analyse.concurrency import Spot
from ..context import RuleContext
from ..nodes import code_of
from .base import Rule, on_leave, on_visit

HELPER = "gather_in_order"


def _strip_await(expr: cst.BaseExpression) -> cst.BaseExpression:
    return expr.expression if isinstance(expr, cst.Await) else expr


class Gather(Rule):
    code = "MIG005"
    name = "gather"
    summary = "independent sequential awaits -> one gather, bounded for user-sized fan-outs"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.safe = [s for s in ctx.edits.spots if s.safe]
        self.submitted: set[str] = set()
        self.result_vars: list[str] = []

    # -- statements in a block --------------------------------------------------------

    @on_leave(cst.IndentedBlock)
    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        if not self.safe or len(original.body) != len(updated.body):
            return updated
        lines = [self.ctx.line(stmt) for stmt in original.body]
        body = list(updated.body)
        changed = False
        for spot in self.safe:
            if spot.kind == "sequential-calls":
                changed |= self._sequential(spot, lines, body)
            elif spot.kind in ("loop-append",):
                changed |= self._loop(spot, lines, body)
        if not changed:
            return updated
        return updated.with_changes(body=[s for s in body if s is not None])

    def _sequential(self, spot: Spot, lines: list[int], body: list) -> bool:
        if not spot.lines or spot.lines[0] not in lines:
            return False
        start = lines.index(spot.lines[0])
        count = len(spot.lines)
        if [lines[start + i] if start + i < len(lines) else None for i in range(count)] != list(
            spot.lines
        ):
            return False
        targets: list[str] = []
        calls: list[str] = []
        leading: list[cst.EmptyLine] = []
        for stmt in body[start : start + count]:
            if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
                return False
            assign = stmt.body[0]
            if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
                target = code_of(assign.targets[0].target)
                value = assign.value
            elif isinstance(assign, cst.AnnAssign) and assign.value is not None:
                target = code_of(assign.target)
                value = assign.value
            else:
                return False
            targets.append(f"({target})" if "," in target else target)
            calls.append(code_of(_strip_await(value)))
            leading.extend(stmt.leading_lines)
        arguments = "".join(f"    {call},\n" for call in calls)
        code = f"{', '.join(targets)} = await {HELPER}(\n{arguments})\n"
        new = cst.parse_statement(code).with_changes(leading_lines=leading)
        body[start] = new
        for i in range(start + 1, start + count):
            body[i] = None
        self._used(spot, f"{len(calls)} calls run together")
        return True

    def _loop(self, spot: Spot, lines: list[int], body: list) -> bool:
        line = spot.span.line
        if line not in lines:
            return False
        index = lines.index(line)
        loop = body[index]
        if not isinstance(loop, cst.For) or loop.asynchronous is not None:
            return False
        inner = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else []
        call_expr: cst.BaseExpression | None = None
        out: str | None = None
        if len(inner) == 1 and isinstance(inner[0], cst.SimpleStatementLine):
            expr = inner[0].body[0]
            if (
                isinstance(expr, cst.Expr)
                and isinstance(expr.value, cst.Call)
                and isinstance(expr.value.func, cst.Attribute)
                and expr.value.func.attr.value == "append"
                and len(expr.value.args) == 1
            ):
                out = code_of(expr.value.func.value)
                call_expr = _strip_await(expr.value.args[0].value)
        elif len(inner) == 2 and all(isinstance(s, cst.SimpleStatementLine) for s in inner):
            first, second = inner[0].body[0], inner[1].body[0]  # type: ignore[attr-defined]
            if (
                isinstance(first, cst.Assign)
                and isinstance(second, cst.Expr)
                and isinstance(second.value, cst.Call)
                and isinstance(second.value.func, cst.Attribute)
                and second.value.func.attr.value == "append"
            ):
                out = code_of(second.value.func.value)
                call_expr = _strip_await(first.value)
        if call_expr is None or out is None:
            return False
        limit = self.ctx.options.max_concurrency
        code = (
            f"{out}.extend(\n"
            f"    await {HELPER}(\n"
            f"        *({code_of(call_expr)} for {code_of(loop.target)} in {code_of(loop.iter)}),\n"
            f"        limit={limit},\n"
            f"    )\n"
            f")\n"
        )
        body[index] = cst.parse_statement(code).with_changes(leading_lines=loop.leading_lines)
        self._used(spot, f"one call per item, at most {limit} at a time")
        return True

    # -- comprehensions -----------------------------------------------------------------

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        """``map(f, xs)`` / ``executor.map(f, xs)`` -> ``await gather_in_order(*map(f, xs))``."""
        loop_vars = {v for v in self.result_vars if v}
        done = self._result_of(updated, loop_vars)
        if done is not None:
            return cst.Name(done)  # for f in futures: f.result() -> f, a result already
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if spot is None or not spot.safe or not isinstance(updated, cst.Call):
            return updated
        if spot.kind == "executor-submit":
            return updated
        if not self.ctx.in_async or len(updated.args) != 2:
            return updated
        func, items = (code_of(a.value) for a in updated.args)
        limit = self.ctx.options.max_concurrency
        if spot.kind == "executor-map":
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "the calls now run on the event loop: the thread pool can go",
            )
        self._used(spot, f"map over {items}: at most {limit} at a time")
        return cst.parse_expression(f"await {HELPER}(*map({func}, {items}), limit={limit})")

    @on_leave(cst.ListComp, cst.SetComp)
    def leave_Comprehension(
        self, original: cst.ListComp | cst.SetComp, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``[await f(x) for x in xs]`` -> ``await gather_in_order(*(f(x) for x in xs))``."""
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if (
            spot is None
            and isinstance(updated, cst.ListComp)
            and isinstance(updated.for_in.iter, cst.Name)
            and updated.for_in.iter.value in self.submitted
            and isinstance(updated.for_in.target, cst.Name)
            and self._result_of(updated.elt, {updated.for_in.target.value})
        ):
            # [f.result() for f in futures] -> list(futures): the results are there.
            return cst.parse_expression(f"list({updated.for_in.iter.value})")
        if spot is None or not spot.safe or not self.ctx.in_async:
            return updated
        if not isinstance(updated, cst.ListComp | cst.SetComp):
            return updated
        element = code_of(_strip_await(updated.elt))
        if spot.kind == "executor-submit":
            submitted = self._submitted_call(updated.elt)
            if submitted is None:
                return updated
            element = submitted
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "the calls now run on the event loop: the thread pool can go",
            )
        loops = code_of(updated.for_in).strip()
        limit = self.ctx.options.max_concurrency
        code = f"await {HELPER}(*({element} {loops}), limit={limit})"
        if isinstance(updated, cst.SetComp):
            code = f"set({code})"
        self._used(spot, f"one call per item, at most {limit} at a time")
        return cst.parse_expression(code)

    @staticmethod
    def _submitted_call(element: cst.BaseExpression) -> str | None:
        """``pool.submit(f, a, b)`` -> ``"f(a, b)"``."""
        if not isinstance(element, cst.Call) or not element.args:
            return None
        func, *args = element.args
        if func.keyword is not None or func.star:
            return None
        call = cst.Call(
            func=func.value,
            args=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in args],
        )
        return code_of(call)

    # ``futures = [pool.submit(...) ...]`` now holds results: ``f.result()`` goes.

    @on_visit(cst.Assign)
    def visit_Assign(self, node: cst.Assign) -> None:
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(node.value) or (0, 0, 0, 0))
        if spot is not None and spot.safe and spot.kind == "executor-submit":
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.submitted.add(target.target.value)

    @on_visit(cst.If, cst.While, cst.For)
    def visit_compound(self, node: cst.If | cst.While | cst.For) -> None:
        if isinstance(node, cst.For) and isinstance(node.target, cst.Name):
            if isinstance(node.iter, cst.Name) and node.iter.value in self.submitted:
                self.result_vars.append(node.target.value)
                return
        self.result_vars.append("")

    @on_leave(cst.If, cst.While, cst.For)
    def leave_compound(
        self, original: cst.If | cst.While | cst.For, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        if self.result_vars:
            self.result_vars.pop()
        return updated

    def _result_of(self, expr: cst.BaseExpression, names: set[str]) -> str | None:
        """``x.result()`` with ``x`` in ``names`` -> "x"."""
        if (
            isinstance(expr, cst.Call)
            and not expr.args
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "result"
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in names
        ):
            return expr.func.value.value
        return None

    def _used(self, spot: Spot, message: str) -> None:
        self.ctx.use_helper(HELPER)
        self.ctx.note(self.code, spot.span.line, message)
