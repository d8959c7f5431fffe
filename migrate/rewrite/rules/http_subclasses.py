"""MIG001, ``requests.Session`` subclasses: ``class S(requests.Session)`` -> ``class
S(httpx.AsyncClient)``.

The analysis (``analyse/subclasses.py``) converts a subclass only when all it
uses of the session is an AsyncClient's too. Here the base changes, and the
client gets requests' defaults (follow redirects, no timeout) where
``requests.Session.__init__`` ran: in the ``super().__init__()`` call, or in
an ``__init__`` added to a class that had none. The calls made on instances
(``s.get(...)``, ``super().request(...)``, ``s.close()``) are rewritten and
awaited as any client's; ``with S() as s`` becomes ``async with``.
"""

from __future__ import annotations

import libcst as cst

from ..nodes import append_arg
from .base import on_leave, on_visit
from .http_auth import AuthRewrites, first_in_class
from .http_common import requests_defaults
from .http_sessions import SessionRewrites


class SubclassRewrites(SessionRewrites, AuthRewrites):
    closed_clients: set[object]
    with_items: set[int]

    @on_leave(cst.ClassDef)
    def leave_session_subclass(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        has_init = self.ctx.edits.session_subclasses.get(self.ctx.qualname)
        if has_init is None:
            return updated
        bases = self._httpx_bases(updated, "AsyncClient")
        self.ctx.maybe_remove_import("requests")
        self.ctx.maybe_remove_import("requests", "Session")
        self.ctx.note(
            self.code, self.ctx.line(original), "requests.Session subclass -> AsyncClient"
        )
        updated = updated.with_changes(bases=bases)
        if has_init:
            return updated
        return updated.with_changes(body=self._with_init(updated.body))

    def _with_init(self, body: cst.BaseSuite) -> cst.BaseSuite:
        """``def __init__(self): super().__init__(<requests' defaults>)`` first in the class."""
        call = cst.Call(
            cst.Attribute(cst.Call(cst.Name("super")), cst.Name("__init__")),
            self._with_tls(requests_defaults()),
        )
        init = cst.FunctionDef(
            name=cst.Name("__init__"),
            params=cst.Parameters([cst.Param(cst.Name("self"))]),
            body=cst.IndentedBlock([cst.SimpleStatementLine([cst.Expr(call)])]),
        )
        return first_in_class(body, init)

    @on_visit(cst.Assign)
    def visit_session_instance(self, node: cst.Assign) -> None:
        """``s = S(...)`` closed by ``s.close()`` in the same function needs no TODO."""
        names = {t.target.value for t in node.targets if isinstance(t.target, cst.Name)}
        if names & self.functions[-1].closed:
            self.closed_clients.add(self.ctx.pos(node.value))

    @on_leave(cst.Call)
    def leave_session_init(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        if pos in self.ctx.edits.session_instances and pos not in self.closed_clients:
            if id(original) not in self.with_items:
                self.ctx.todo(
                    self.ctx.line(original),
                    self.code,
                    "close this client with `await client.aclose()` (or use `async with`)",
                )
        if pos not in self.ctx.edits.session_inits:
            return updated
        if not isinstance(updated, cst.Call):
            return updated
        args = list(updated.args)
        for arg in requests_defaults():
            args = append_arg(args, arg)
        return updated.with_changes(args=self._with_tls(args))
