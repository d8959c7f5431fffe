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
import libcst.matchers as m

from ...analyse.frameworks import REQUESTS_VIEW, SESSION_CLASS_DEFAULTS, SUBCLASS_VIEWS
from ..nodes import append_arg
from .base import on_leave, on_visit
from .http_auth import AuthRewrites, first_in_body, first_in_class
from .http_common import requests_defaults
from .http_kwargs import KWARGS
from .http_sessions import SessionRewrites

REQUESTS_KEYWORDS = "requests_keywords"


class SubclassRewrites(SessionRewrites, AuthRewrites):
    closed_clients: set[object]
    client_names: dict[object, str]
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
        updated = updated.with_changes(bases=bases, body=_without_session_defaults(updated.body))
        for attr in self.ctx.edits.kept_as_set.get(self.ctx.qualname, ()):
            updated = updated.with_changes(
                body=self._kept_as_set(updated.body, attr, self.ctx.line(original))
            )
        if has_init:
            return updated
        return updated.with_changes(body=self._with_init(updated.body))

    def _kept_as_set(self, body: cst.BaseSuite, attr: str, line: int) -> cst.BaseSuite:
        """``attr`` read back as it was set, as requests hands it back: a property over
        the AsyncClient's, which keeps what httpx makes of it (an ``httpx.Auth``)."""
        client = f"{self.module}.AsyncClient"
        kept = f"_{attr}_as_set"
        statements = [
            cst.parse_statement(f"{kept} = {SUBCLASS_VIEWS[attr]}\n").with_changes(
                leading_lines=[
                    cst.EmptyLine(
                        comment=cst.Comment(f"# As with requests, {attr} reads back as it was set.")
                    )
                ]
            ),
            cst.parse_statement(f"@property\ndef {attr}(self):\n    return self.{kept}\n"),
            cst.parse_statement(
                f"@{attr}.setter\ndef {attr}(self, {attr}):\n"
                f"    self.{kept} = {attr}\n    {client}.{attr}.fset(self, {attr})\n"
            ),
        ]
        for statement in reversed(statements):
            body = first_in_class(body, statement)
        self.ctx.note(self.code, line, f"{attr} kept as it was set")
        return body

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

    @on_leave(cst.Attribute)
    def leave_own_attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``self.base_url`` -> ``self.api_base_url``: the class's own, whose name the
        AsyncClient uses otherwise (see analyse/own_attributes.py)."""
        new = self.ctx.edits.own_attrs.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if new is None or not isinstance(updated, cst.Attribute):
            return updated
        return updated.with_changes(attr=cst.Name(new))

    @on_leave(cst.FunctionDef)
    def leave_requests_view(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        """A request method naming requests' keywords (or looking inside its ``**kwargs``)
        gets them as requests' verbs hand them on, whatever httpx's handed it."""
        star = updated.params.star_kwarg
        if self.ctx.qualname not in self.ctx.edits.requests_views or not isinstance(
            star, cst.Param
        ):
            return updated
        kwargs = star.name
        keywords = cst.Call(cst.Name(self.ctx.use_helper(REQUESTS_KEYWORDS)), [cst.Arg(kwargs)])
        prologue = [_assign(kwargs, keywords)]
        for param in (*updated.params.params, *updated.params.kwonly_params):
            name = param.name
            if name.value in ("data", "allow_redirects"):
                # Given raw (content=) or as follow_redirects=: in **kwargs by now.
                popped = cst.Call(
                    cst.Attribute(kwargs, cst.Name("pop")),
                    [cst.Arg(cst.SimpleString(f'"{name.value}"')), cst.Arg(name)],
                )
                prologue.append(_assign(name, popped))
            elif name.value in ("auth", "timeout"):
                default = param.default or cst.Name("None")
                sentinel = self._httpx("USE_CLIENT_DEFAULT")
                given = cst.Comparison(name, [cst.ComparisonTarget(cst.Is(), sentinel)])
                prologue.append(_assign(name, cst.IfExp(given, default, name)))
        lines = [cst.SimpleStatementLine([statement]) for statement in prologue]
        return updated.with_changes(body=first_in_body(updated.body, lines))

    def _requests_view_args(self, call: cst.Call, args: list[cst.Arg]) -> list[cst.Arg]:
        """The arguments of a ``super()`` call in a request method that got requests'
        keywords: those keywords and its ``**kwargs`` go through ``httpx_kwargs``."""
        if self.ctx.qualname not in self.ctx.edits.requests_views:
            return args
        if not m.matches(call.func, m.Attribute(m.Call(m.Name("super")))):
            return args
        kept: list[cst.Arg] = []
        gathered: list[cst.BaseDictElement] = []
        for arg in args:
            if arg.star == "**":
                gathered.append(cst.StarredDictElement(arg.value))
            elif arg.keyword is not None and arg.keyword.value in REQUESTS_VIEW:
                key = cst.SimpleString(f'"{arg.keyword.value}"')
                gathered.append(cst.DictElement(key, arg.value))
            else:
                kept.append(arg)
        if not gathered:
            return args
        only = gathered[0]
        value = (
            only.value
            if len(gathered) == 1 and isinstance(only, cst.StarredDictElement)
            else cst.Dict(gathered)
        )
        helper = cst.Name(self.ctx.use_helper(KWARGS))
        last = args[-1]
        gathered_arg = cst.Arg(
            cst.Call(helper, [cst.Arg(value)]),
            star="**",
            comma=last.comma,
            whitespace_after_arg=last.whitespace_after_arg,
        )
        if kept and kept[-1] is last:
            kept[-1] = last.with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        return [*kept, gathered_arg]

    def _close_todo(self, made: cst.Call) -> None:
        """A TODO to close a client made outside a ``with`` and never closed here,
        naming it as the code does."""
        pos = self.ctx.pos(made)
        if id(made) not in self.with_items and pos not in self.closed_clients:
            name = self.client_names.get(pos, "client")
            message = f"close this client with `await {name}.aclose()` (or use `async with`)"
            self.ctx.todo(self.ctx.line(made), self.code, message)

    @on_visit(cst.Assign)
    def visit_session_instance(self, node: cst.Assign) -> None:
        """``s = S(...)`` closed by ``s.close()`` in the same function needs no TODO."""
        names = {t.target.value for t in node.targets if isinstance(t.target, cst.Name)}
        if names & self.functions[-1].closed:
            self.closed_clients.add(self.ctx.pos(node.value))
        elif len(names) == 1 and self.ctx.pos(node.value) in self.ctx.edits.session_instances:
            self.client_names[self.ctx.pos(node.value)] = next(iter(names))

    @on_leave(cst.Call)
    def leave_session_init(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        pos = self.ctx.pos(original)
        if pos in self.ctx.edits.session_instances:
            self._close_todo(original)
        if pos not in self.ctx.edits.session_inits:
            return updated
        if not isinstance(updated, cst.Call):
            return updated
        args = list(updated.args)
        for arg in requests_defaults():
            args = append_arg(args, arg)
        return updated.with_changes(args=self._with_tls(args))


def _without_session_defaults(body: cst.BaseSuite) -> cst.BaseSuite:
    """The class body without the names requests.Session.__init__ always set again
    (``auth = None``): on the AsyncClient they would hide its own."""
    if not isinstance(body, cst.IndentedBlock):
        return body
    kept = [stmt for stmt in body.body if _assigned_name(stmt) not in SESSION_CLASS_DEFAULTS]
    if len(kept) == len(body.body):
        return body
    if not kept:
        kept = [cst.SimpleStatementLine([cst.Pass()])]
    elif kept[0] is not body.body[0]:
        # The class's first statement went: no blank line after the class line.
        first = kept[0]
        assert isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement)
        lines = list(first.leading_lines)
        while lines and lines[0].comment is None:
            lines.pop(0)
        kept[0] = first.with_changes(leading_lines=lines)
    return body.with_changes(body=kept)


def _assigned_name(stmt: cst.BaseStatement) -> str | None:
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target = small.targets[0].target
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        target = small.target
    else:
        return None
    return target.value if isinstance(target, cst.Name) else None


def _assign(target: cst.Name, value: cst.BaseExpression) -> cst.Assign:
    return cst.Assign([cst.AssignTarget(target)], value)
