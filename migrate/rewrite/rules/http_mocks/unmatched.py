"""A request no registration matches, the part of MIG008 http-mocks that keeps it
failing to connect once the mocks move from ``responses`` to respx.

responses answers a request no registration matches with requests'
``ConnectionError``, and tests rely on it to stand for a network failure (the
code under test catching it: ``except requests.ConnectionError: return
"down"``). respx raises its ``AllMockedAssertionError`` instead, which no such
``except`` catches. So every router moved off responses gets
``unmatched_connect_error(router)`` (the helpers module's) where it starts:

* the first statement of a function decorated ``@responses.activate``
  (``unmatched_connect_error(respx)``, respx's global router);
* the first statement of ``with responses.RequestsMock(...) as rsps:`` (in a
  test or a fixture yielding it);
* the statement after ``rsps.start()`` / ``responses.start()``, and after the
  ``clear()`` that ``reset()`` becomes (responses' ``reset()`` forgot the
  registrations, not this), unless the router was stopped before.

The helper's route goes in first but answers last: a request that a route
registered after it matches goes on to that route, and it does not count as a
registration left unused (``assert_all_called``).
"""

from __future__ import annotations

import libcst as cst

from ...context import RuleContext
from ...nodes import dotted_name
from ..base import Rule, StatementResult, on_leave, on_visit

HELPER = "unmatched_connect_error"


class UnmatchedRequests(Rule):
    """Routers moved off responses fail unmatched requests to connect."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        # Per function: whether ``@responses.activate`` decorates it.
        self._activated: list[bool] = []
        # The ``with`` blocks entering a RequestsMock, and the name it is held by.
        self._object_blocks: dict[cst.With, str] = {}
        # Names holding a RequestsMock, and what makes one (set per module by
        # ResponsesObjects from plan/responses_uses.py).
        self._holders: frozenset[str] = frozenset()
        self._makers: frozenset[str] = frozenset({"responses.RequestsMock"})
        # The routers a ``stop()`` left stopped, by the name they are held by.
        self._stopped: set[str] = set()

    @on_visit(cst.FunctionDef)
    def enter_activated(self, node: cst.FunctionDef) -> None:
        self._activated.append(
            any(dotted_name(d.decorator) == "responses.activate" for d in node.decorators)
        )

    @on_leave(cst.FunctionDef)
    def activated_fails_unmatched(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        """``@responses.activate``: ``unmatched_connect_error(respx)`` first."""
        self._stopped.clear()  # each function stops its own
        if not self._activated.pop() or not self.ctx.edits.http_mocks:
            return updated
        body = updated.body
        if not isinstance(body, cst.IndentedBlock):
            return updated
        statements = list(body.body)
        at = 1 if statements and _is_docstring(statements[0]) else 0
        statements.insert(at, self._catch_all("respx", original))
        return updated.with_changes(body=body.with_changes(body=statements))

    @on_visit(cst.With)
    def enter_object_block(self, node: cst.With) -> None:
        """``with responses.RequestsMock() as rsps:``: its unmatched requests reach ``rsps``."""
        for item in node.items:
            made = isinstance(item.item, cst.Call) and dotted_name(item.item.func) in self._makers
            name = dotted_name(item.asname.name) if item.asname is not None else None
            if made and name:
                self._object_blocks[node] = name

    @on_leave(cst.With)
    def object_block_fails_unmatched(
        self, original: cst.With, updated: cst.BaseStatement
    ) -> StatementResult:
        """``with respx.mock() as rsps:`` (a RequestsMock's): ``unmatched_connect_error(rsps)``
        first."""
        router = self._object_blocks.pop(original, None)
        if router is None or not self.ctx.edits.http_mocks or not isinstance(updated, cst.With):
            return updated
        body = updated.body
        if not isinstance(body, cst.IndentedBlock):
            return updated
        statements = [self._catch_all(router, original), *body.body]
        return updated.with_changes(body=body.with_changes(body=statements))

    @on_leave(cst.SimpleStatementLine)
    def started_fails_unmatched(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        """``rsps.start()`` / ``responses.start()``: ``unmatched_connect_error(...)`` after it."""
        if not self.ctx.edits.http_mocks or len(original.body) != 1:
            return updated
        stopped = self._router_asked(original.body[0], "stop")
        if stopped is not None:
            self._stopped.add(stopped)
        router = self._router_asked(original.body[0], "start")
        if router is None:
            return updated
        self._stopped.discard(router)
        return cst.FlattenSentinel([updated, self._catch_all(router, original)])

    def _router_asked(self, stmt: cst.BaseSmallStatement, method: str) -> str | None:
        """The router ``stmt`` asks ``method`` of (``rsps.start()``): ``respx`` for
        the module's."""
        call = stmt.value if isinstance(stmt, cst.Expr) else None
        if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
            return None
        owner = dotted_name(call.func.value)
        if call.func.attr.value != method:
            return None
        if owner == "responses":
            return "respx"
        return owner if owner in self._holders else None

    def _catch_all(self, router: str, original: cst.CSTNode) -> cst.SimpleStatementLine:
        """``unmatched_connect_error(router)``, noted."""
        helper = self.ctx.use_helper(HELPER)
        self.ctx.note(
            self.code,
            self.ctx.line(original),
            "unmatched requests raise httpx.ConnectError, as before",
        )
        return cst.SimpleStatementLine(
            [cst.Expr(cst.Call(cst.Name(helper), [cst.Arg(cst.parse_expression(router))]))]
        )


def _is_docstring(stmt: cst.BaseStatement) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )
