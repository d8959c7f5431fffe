"""MIG001, request functions and clients that are not called where they are written.

``retry_call(requests.get, url)`` whose receiver now awaits the function it
is given (see :mod:`migrate.analyse.passed`): the function handed over is
the method of a client made for the statement, ``retry_call(http_client.get,
url)`` under ``async with httpx.AsyncClient(...) as http_client:``. A
client's method handed over (``self.session.get``) stays as written: its
client becomes an ``AsyncClient``. ``with closing(requests.get(url,
stream=True)) as r:`` loses the wrapper: the httpx stream closes itself.
``requests.Response()``, a test's hand-made answer, gets what httpx's needs.
``resp.raise_for_status()`` whose value is used (``return
resp.raise_for_status()``) is ``resp.raise_for_status() if resp.is_error else
None``: requests' raises for 4xx/5xx only and returns None, httpx's raises for
3xx too and returns the response (as a statement, MIG001 guards it with ``if
resp.is_error:``).
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of, dotted_name, keyword_arg
from .base import on_leave, on_visit
from .http_common import Frame, HttpRuleBase
from .http_streams import ONE_SHOT_CLIENT


class ValueRewrites(HttpRuleBase):
    # The statements being rewritten, innermost last.
    frames: list[Frame]

    def _handed_over(self, original: cst.Attribute | cst.Name) -> cst.BaseExpression | None:
        """``requests.get`` handed to a receiver that awaits it -> ``http_client.get``."""
        edit = self.ctx.edits.http_values.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if edit is None or edit.on_shared_client or not self.frames:
            return None
        if "Session" in edit.entry.name or "Client" in edit.entry.name:
            return None  # a client's method: its client becomes an AsyncClient
        verb = edit.entry.name.rsplit(".", 1)[-1]
        self.frames[-1].client_args = (
            [
                keyword_arg("follow_redirects", cst.Name("True")),
                keyword_arg("timeout", cst.Name("None")),
            ]
            if edit.entry.name.startswith("requests")
            else []
        )
        self.ctx.maybe_remove_import("requests")
        self.ctx.maybe_remove_import("requests", verb)
        line = self.ctx.line(original)
        self.ctx.note(self.code, line, f"{edit.entry.name} handed over: a client's {verb}")
        return cst.Attribute(cst.Name(ONE_SHOT_CLIENT), cst.Name(verb))

    @on_leave(cst.Attribute, cst.Name)
    def leave_handed(
        self, original: cst.Attribute | cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        return self._handed_over(original) or updated

    # Calls that are whole statements, and values returned or assigned whole
    # (ids of original nodes of the module being rewritten).
    _statement_calls: set[int]
    _whole_values: set[int]

    @on_visit(cst.Module)
    def visit_values_module(self, node: cst.Module) -> None:
        self._statement_calls, self._whole_values = set(), set()

    @on_visit(cst.Expr)
    def visit_statement_call(self, node: cst.Expr) -> None:
        self._statement_calls.add(id(node.value))

    @on_visit(cst.Return, cst.Assign)
    def visit_whole_value(self, node: cst.Return | cst.Assign) -> None:
        self._whole_values.add(id(node.value))

    @on_leave(cst.Call)
    def leave_raise_for_status(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``resp.raise_for_status()`` used as a value: None, and raising for 4xx/5xx only."""
        if id(original) in self._statement_calls or not m.matches(
            original, m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("raise_for_status")))
        ):
            return updated
        owner = cst.ensure_type(cst.ensure_type(original.func, cst.Attribute).value, cst.Name)
        state = self.functions[-1]
        if owner.value not in state.responses and owner.value not in state.either_responses:
            return updated
        checked = cst.IfExp(
            test=self._is_error(owner.value),
            body=updated,
            orelse=cst.Name("None"),
        )
        if id(original) in self._whole_values:
            return checked
        return checked.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])

    @on_leave(cst.Call)
    def leave_made_response(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``requests.Response()``, a test's hand-made answer: httpx's needs a status,
        and a request for ``raise_for_status()`` (requests' has neither until set)."""
        if original.args or not isinstance(updated, cst.Call):
            return updated
        func = original.func
        name = dotted_name(func) if isinstance(func, cst.Attribute) else None
        if isinstance(func, cst.Name):
            name = self.ctx.edits.requests_aliases.get(func.value)
        if name not in ("requests.Response", "requests.models.Response"):
            return updated
        if code_of(updated.func) != f"{self.module}.Response":
            return updated
        request = cst.Call(
            self._httpx("Request"),
            [cst.Arg(cst.SimpleString('"GET"')), cst.Arg(cst.SimpleString('""'))],
        )
        return updated.with_changes(
            args=[cst.Arg(cst.Integer("200")), keyword_arg("request", request)]
        )

    def _aclosed(self, function: cst.FunctionDef) -> set[str]:
        """Names ``with closing(name):`` closes in ``function``, as ``aclosing`` will."""
        found = set()
        for call in m.findall(function.body, m.Call(args=[m.Arg(m.Name(), keyword=None)])):
            call = cst.ensure_type(call, cst.Call)
            if self.ctx.pos(call) in self.ctx.edits.aclosings:
                found.add(cst.ensure_type(call.args[0].value, cst.Name).value)
        return found

    def _unwrapped_closing(self, updated: cst.Call) -> cst.BaseExpression:
        """``closing(x)``: x is an httpx stream or client now, which closes itself."""
        self.ctx.maybe_remove_import("contextlib")
        self.ctx.maybe_remove_import("contextlib", "closing")
        return updated.args[0].value
