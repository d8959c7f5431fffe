"""``responses.RequestsMock`` objects -> respx routers, the part of MIG008 for mocks
used through an object rather than the ``responses`` module.

The object keeps its name (``rsps``, ``self.rsps``, the fixture handing it to the
tests: plan/responses_uses.py finds them) and becomes a router:

* ``responses.RequestsMock(assert_all_requests_are_fired=x)`` ->
  ``respx.mock(assert_all_called=x)`` (both assert by default, and neither when the
  block ends in an exception), in a ``with``, a fixture yielding it, or made and
  ``start()``-ed / ``stop()``-ed by hand (``stop(allow_assert=False)`` ->
  ``stop(quiet=True)``);
* ``rsps.add(...)``, ``rsps.get(...)``, ``rsps.add_callback(...)`` -> routes of the
  router, as ``responses.add`` becomes respx's; ``rsps.replace(...)`` /
  ``rsps.upsert(...)`` -> the route registered again, which replaces its answer
  in respx;
* ``rsps.calls`` stays (the router records them; ``.request.body`` ->
  ``.request.content``); ``rsps.assert_call_count(url, n)`` -> an ``assert`` on
  the calls to that URL; ``rsps.reset()`` (registrations and calls forgotten) ->
  ``rsps.clear()`` and ``rsps.reset()`` (and unmatched requests failing to
  connect again, :mod:`.unmatched`).

The module-level ``responses.reset()``, ``replace``, ``upsert``,
``assert_call_count``, ``start`` and ``stop`` move to respx's global router the
same way, called or handed on (``self.addCleanup(responses.stop)``).
"""

from __future__ import annotations

import libcst as cst

from ....plan.responses_uses import OPTIONS, REGISTRATIONS, responses_uses
from ...nodes import code_of, dotted_name
from ..base import StatementResult, on_leave, on_visit
from .responses import ResponsesMock


class ResponsesObjects(ResponsesMock):
    """RequestsMock objects and the module's own router methods -> respx."""

    @on_visit(cst.Module)
    def find_responses_objects(self, node: cst.Module) -> None:
        if self.ctx.edits.http_mocks:
            uses = responses_uses(node.code, self.ctx.edits.responses_fixtures)
            self._holders, self._makers = uses.holders, uses.makers

    def _object_call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression | None:
        """A RequestsMock made, or asked something; None when neither."""
        line = self.ctx.line(original)
        if dotted_name(original.func) in self._makers:
            return self._router(updated, line)
        func = original.func
        if not isinstance(func, cst.Attribute) or not isinstance(updated.func, cst.Attribute):
            return None
        owner = dotted_name(func.value)
        if owner != "responses" and owner not in self._holders:
            return None
        router = "respx" if owner == "responses" else code_of(updated.func.value)
        method = func.attr.value
        if owner != "responses" and (method in REGISTRATIONS or method == "add_callback"):
            return self._responses_call(original, updated, router, method)
        if method in ("replace", "upsert"):
            return self._responses_call(original, updated, router, method)
        if method == "assert_call_count":
            return self._call_count(updated, router, line)
        if method in ("reset", "start", "stop"):
            self._imports()
            asserts = [a for a in updated.args if a.keyword and a.keyword.value == "allow_assert"]
            args = [a for a in updated.args if a not in asserts]
            if asserts and code_of(asserts[0].value) != "True":
                quiet = cst.ensure_type(cst.parse_expression("stop(quiet=True)"), cst.Call)
                args.append(quiet.args[0])
            self.ctx.note(self.code, line, f"responses {method}() -> respx router {method}()")
            return updated.with_changes(
                func=cst.parse_expression(f"{router}.{method}"), args=_commas(args)
            )
        return None

    @on_leave(cst.Arg)
    def leave_handed_method(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        """``self.addCleanup(responses.stop)``: the module's router method handed on,
        not called, is respx's router's (``responses.reset`` forgot the calls too,
        as ``respx.reset`` does; ``respx.stop`` forgets the routes)."""
        value = original.value
        if (
            not self.ctx.edits.http_mocks
            or not isinstance(value, cst.Attribute)
            or dotted_name(value.value) != "responses"
            or value.attr.value not in ("reset", "start", "stop")
        ):
            return updated
        self._imports()
        line = self.ctx.line(original)
        self.ctx.note(self.code, line, f"responses.{value.attr.value} -> respx.{value.attr.value}")
        return updated.with_changes(value=cst.parse_expression(f"respx.{value.attr.value}"))

    def _router(self, updated: cst.Call, line: int) -> cst.BaseExpression:
        """``responses.RequestsMock(...)`` -> ``respx.mock(...)``."""
        args = []
        for arg in updated.args:
            keyword = arg.keyword.value if arg.keyword is not None else ""
            if keyword not in OPTIONS:
                self.ctx.todo(line, self.code, "responses.RequestsMock() option not ported")
                return updated
            args.append(arg.with_changes(keyword=cst.Name(OPTIONS[keyword])))
        self._imports()
        self.ctx.note(self.code, line, "responses.RequestsMock() -> respx.mock()")
        return cst.Call(cst.parse_expression("respx.mock"), _commas(args))

    def _call_count(self, updated: cst.Call, router: str, line: int) -> cst.BaseExpression:
        """``rsps.assert_call_count(url, n)`` -> the calls to ``url`` counted (an
        ``assert`` once the statement is left, see assert_the_count)."""
        names = ("url", "count")
        given = dict(zip(names, (a.value for a in updated.args if a.keyword is None), strict=False))
        given |= {a.keyword.value: a.value for a in updated.args if a.keyword is not None}
        if set(given) != set(names):
            self.ctx.todo(line, self.code, "responses assert_call_count() not understood")
            return updated
        self._imports()
        self.ctx.note(self.code, line, "responses assert_call_count() -> an assert on the calls")
        url, count = code_of(given["url"]), code_of(given["count"])
        return cst.parse_expression(
            f"[str(call.request.url) for call in {router}.calls].count({url}) == {count}"
        )

    @on_leave(cst.Expr)
    def assert_the_count(self, original: cst.Expr, updated: cst.Expr) -> cst.BaseSmallStatement:
        """``rsps.assert_call_count(url, n)`` as a statement asserts it, as it did."""
        if not self.ctx.edits.http_mocks or not self._asks(original, "assert_call_count"):
            return updated
        if not isinstance(updated.value, cst.Comparison):
            return updated
        return cst.Assert(updated.value, semicolon=updated.semicolon)

    @on_leave(cst.SimpleStatementLine)
    def reset_forgets_the_routes(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        """``rsps.reset()`` forgot the registrations and the calls; a respx router's
        ``reset()`` forgets the calls, its ``clear()`` the routes."""
        if not self.ctx.edits.http_mocks or len(original.body) != 1:
            return updated
        expr = original.body[0]
        if not isinstance(expr, cst.Expr) or not self._asks(expr, "reset"):
            return updated
        new = updated.body[0]
        if not isinstance(new, cst.Expr) or not isinstance(new.value, cst.Call):
            return updated
        call = new.value
        if not isinstance(call.func, cst.Attribute) or call.args:
            return updated
        clear = call.with_changes(func=call.func.with_changes(attr=cst.Name("clear")))
        first = updated.with_changes(body=[new.with_changes(value=clear)])
        statements = [first, updated.with_changes(leading_lines=())]
        router = code_of(call.func.value)
        if router not in self._stopped:
            # Unmatched requests still fail to connect (unmatched.py).
            statements.append(self._catch_all(router, original))
        return cst.FlattenSentinel(statements)

    def _asks(self, expr: cst.Expr, method: str) -> bool:
        """``rsps.method(...)`` (a RequestsMock's, or the module's) as a statement."""
        call = expr.value
        if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
            return False
        owner = dotted_name(call.func.value)
        return call.func.attr.value == method and (owner == "responses" or owner in self._holders)


def _commas(args: list[cst.Arg]) -> list[cst.Arg]:
    if args:
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return args
