"""MIG001, ``requests.auth.AuthBase`` subclasses -> ``httpx.Auth``.

requests calls an auth with the prepared request and sends what it returns;
httpx drives ``auth_flow``, a generator that yields the request to send. The
analysis (``analyse/subclasses.py``) converts a class when its ``__call__(self,
r)`` returns ``r`` and uses of it only what this rule carries over: the base
becomes ``httpx.Auth``, ``__call__`` becomes ``auth_flow`` (``async_auth_flow``
when it makes requests itself, a token's) and ``return r``
becomes ``yield r`` (followed by ``return`` where more code follows, which a
generator would run after the response). Instances passed as ``auth=`` keep
working.

An auth may rewrite the request, as signing ones do. ``r.headers`` and
``r.method`` mean the same on both; the rest is carried over:

* ``r.url`` is an ``httpx.URL``: read as ``str(r.url)``, set as
  ``r.url = httpx.URL(...)``; ``r.path_url`` (the path and query) is
  ``r.url.raw_path.decode("ascii")``;
* ``r.body`` is requests' view of the body (``request_body(r)``: None when
  empty, text for a form), and the class reads the body before the flow runs
  (``requires_request_body = True``);
* an httpx request's body is fixed when it is made: ``r.body = b`` becomes
  ``r = with_body(r, b)``, a new request with that body and its
  Content-Length;
* ``r.headers = h`` and ``r.prepare_headers(h)`` become ``r.headers =
  with_headers(r, h)``, which keeps the Content-Length of the body sent
  (requests computes it again after the auth);
* in a tuple (``r.url, r.headers, r.body = sign(...)``) these go to names
  first, then to the request, the body last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from ..nodes import dotted_name, is_keyword
from .base import StatementResult, on_leave, on_visit
from .http_common import HttpRuleBase

# Where a set part of the request goes, in the order a tuple's parts are set.
SET_ORDER = ("url", "headers", "body")
# requests' own auth classes with an httpx twin made with the same arguments.
AUTH_TWINS = {
    "requests.auth.HTTPBasicAuth": "BasicAuth",
    "requests.auth.HTTPDigestAuth": "DigestAuth",
}


@dataclass
class AuthCall:
    """The ``__call__`` of an auth class being rewritten."""

    param: str
    last: cst.BaseStatement | None
    # Names the method binds or reads (a part set from a tuple needs a free one).
    names: set[str]
    # ``r.<attr>`` nodes left as they are: targets, ``str(r.url)``, calls.
    kept: set[int] = field(default_factory=set)
    reads_body: bool = False


class AuthRewrites(HttpRuleBase):
    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.auth_calls: list[AuthCall] = []
        # Auth classes whose ``__call__`` reads the body.
        self.auth_body_readers: set[str] = set()
        # ``auth=`` arguments of requests calls that move to httpx.
        self.moving_auths: set[int] = set()

    @on_visit(cst.Call)
    def visit_moving_auth(self, node: cst.Call) -> None:
        if self.ctx.pos(node) in self.ctx.edits.http_calls:
            self.moving_auths.update(id(a.value) for a in node.args if is_keyword(a, "auth"))

    @on_leave(cst.Call)
    def leave_auth_twin(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``HTTPBasicAuth(user, password)`` -> ``httpx.BasicAuth(user, password)`` where
        no requests call can be handed it: an ``auth=`` of a call that moves, or
        anywhere once no requests call remains in the project."""
        func = original.func
        name = (
            self.ctx.edits.requests_aliases.get(func.value)
            if isinstance(func, cst.Name)
            else dotted_name(func)
        )
        twin = AUTH_TWINS.get(name or "")
        if twin is None or not isinstance(updated, cst.Call):
            return updated
        if self.ctx.edits.map_exceptions != "httpx" and id(original) not in self.moving_auths:
            return updated
        module, _, obj = (name or "").rpartition(".")
        self.ctx.maybe_remove_import(module, obj)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, self.ctx.line(original), f"{name} -> {self.module}.{twin}")
        return updated.with_changes(func=self._httpx(twin))

    def _in_auth_class(self, depth: int) -> bool:
        scope = self.ctx.scope
        owner = ".".join([self.ctx.edits.module, *scope[: len(scope) - depth]])
        return len(scope) > depth and owner in self.ctx.edits.auth_subclasses

    def _auth_call(self) -> AuthCall | None:
        """The auth ``__call__`` the node is directly in, if any."""
        if self.ctx.scope[-1:] != ["__call__"] or not self._in_auth_class(1):
            return None
        return self.auth_calls[-1] if self.auth_calls else None

    @on_visit(cst.FunctionDef)
    def visit_auth_call(self, node: cst.FunctionDef) -> None:
        if node.name.value != "__call__" or not self._in_auth_class(1):
            return
        params = node.params.params
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        attrs = {id(a.attr) for a in m.findall(node, m.Attribute()) if isinstance(a, cst.Attribute)}
        names = {
            n.value
            for n in m.findall(node, m.Name())
            if isinstance(n, cst.Name) and id(n) not in attrs
        }
        self.auth_calls.append(AuthCall(params[1].name.value, body[-1] if body else None, names))

    @on_visit(cst.Assign, cst.AugAssign, cst.Call)
    def visit_auth_kept(self, node: cst.Assign | cst.AugAssign | cst.Call) -> None:
        call = self._auth_call()
        if call is None:
            return
        if isinstance(node, cst.Call):
            # ``str(r.url)`` is already text; ``r.prepare_headers(h)`` goes as a statement.
            func = node.func
            if m.matches(func, m.Name("str")) and len(node.args) == 1:
                call.kept.add(id(node.args[0].value))
            if m.matches(func, m.Attribute(m.Name(call.param))):
                call.kept.add(id(func))
            return
        targets = (
            [node.target] if isinstance(node, cst.AugAssign) else [t.target for t in node.targets]
        )
        for target in targets:
            parts = target.elements if isinstance(target, cst.Tuple | cst.List) else [target]
            for part in parts:
                call.kept.add(id(part.value if isinstance(part, cst.BaseElement) else part))

    @on_leave(cst.ClassDef)
    def leave_auth_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if self.ctx.qualname not in self.ctx.edits.auth_subclasses:
            return updated
        bases = self._httpx_bases(updated, "Auth")
        self.ctx.maybe_remove_import("requests")
        self.ctx.maybe_remove_import("requests.auth", "AuthBase")
        self.ctx.note(self.code, self.ctx.line(original), "requests AuthBase -> httpx.Auth")
        updated = updated.with_changes(bases=bases)
        if self.ctx.qualname in self.auth_body_readers:
            updated = updated.with_changes(body=first_in_class(updated.body, _REQUIRES_BODY))
        return updated

    def _httpx_bases(self, cls: cst.ClassDef, base: str) -> list[cst.Arg]:
        """The bases, the requests one (the only positional base) -> ``httpx.<base>``."""
        return [
            arg.with_changes(value=self._httpx(base)) if arg.keyword is None else arg
            for arg in cls.bases
        ]

    @on_leave(cst.FunctionDef)
    def leave_auth_call(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if original.name.value != "__call__" or not self._in_auth_class(1):
            return updated
        call = self.auth_calls.pop()
        if call.reads_body:
            self.auth_body_readers.add(".".join([self.ctx.edits.module, *self.ctx.scope[:-1]]))
        # One that awaits (fetching a token) is the flow httpx's async clients run.
        flow = "async_auth_flow" if self.ctx.in_async else "auth_flow"
        return updated.with_changes(name=cst.Name(flow))

    @on_leave(cst.Attribute)
    def leave_auth_request_attr(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        call = self._auth_call()
        if call is None or id(original) in call.kept:
            return updated
        if not m.matches(original, m.Attribute(m.Name(call.param))):
            return updated
        if original.attr.value == "url":
            return cst.Call(cst.Name("str"), [cst.Arg(updated)])
        if original.attr.value == "path_url":
            # The path and query as sent: percent-encoded, so ASCII.
            return cst.parse_expression(f'{call.param}.url.raw_path.decode("ascii")')
        if original.attr.value == "body":
            call.reads_body = True
            return self._request_body(call)
        return updated

    def _request_body(self, call: AuthCall) -> cst.Call:
        return cst.Call(
            cst.Name(self.ctx.use_helper("request_body")), [cst.Arg(cst.Name(call.param))]
        )

    @on_leave(cst.Return)
    def leave_auth_return(self, original: cst.Return, updated: cst.Return) -> cst.Return | cst.Expr:
        if self._auth_call() is None:
            return updated
        return cst.Expr(cst.Yield(updated.value))

    @on_leave(cst.SimpleStatementLine)
    def leave_auth_statement(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        call = self._auth_call()
        if call is None:
            return updated
        small: list[cst.BaseSmallStatement] = []
        for statement in updated.body:
            small += self._request_parts_set(call, statement)
        if original is not call.last and m.matches(original, m.SimpleStatementLine([m.Return()])):
            # A generator would go on after the response: the request is sent, done.
            small.append(cst.Return())
        if len(small) == len(updated.body):
            return updated.with_changes(body=small)
        if len(updated.body) > 1:
            return updated.with_changes(body=small)
        first = updated.with_changes(body=[small[0]])
        rest = [cst.SimpleStatementLine([s]) for s in small[1:]]
        return cst.FlattenSentinel([first, *rest])

    def _request_parts_set(
        self, call: AuthCall, statement: cst.BaseSmallStatement
    ) -> list[cst.BaseSmallStatement]:
        """``statement`` as it sets parts of an httpx request (itself when it sets none)."""
        param = m.Name(call.param)
        if m.matches(statement, m.Expr(m.Call(m.Attribute(param, m.Name("prepare_headers"))))):
            value = cst.ensure_type(cst.ensure_type(statement, cst.Expr).value, cst.Call)
            return [self._set_part(call, "headers", value.args[0].value)]
        if isinstance(statement, cst.AugAssign):
            part = _part(statement.target, call.param)
            if part is None:
                return [statement]
            now: cst.BaseExpression = (
                self._request_body(call)
                if part == "body"
                else cst.Call(cst.Name("str"), [cst.Arg(statement.target)])
            )
            if part == "body":
                call.reads_body = True
            operator = _plain_operator(statement.operator)
            if operator is None:
                return [statement]
            combined = cst.BinaryOperation(now, operator, statement.value)
            return [self._set_part(call, part, combined)]
        if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
            return [statement]
        target = statement.targets[0].target
        part = _part(target, call.param)
        if part is not None:
            return [self._set_part(call, part, statement.value)]
        if not isinstance(target, cst.Tuple | cst.List):
            return [statement]
        elements, parts = [], {}
        for element in target.elements:
            part = _part(element.value, call.param)
            if part is None:
                elements.append(element)
                continue
            name = _free_name(part, call.names)
            call.names.add(name)
            parts[part] = name
            elements.append(element.with_changes(value=cst.Name(name)))
        if not parts:
            return [statement]
        unpacked = statement.with_changes(
            targets=[
                statement.targets[0].with_changes(target=target.with_changes(elements=elements))
            ]
        )
        sets = [self._set_part(call, p, cst.Name(parts[p])) for p in SET_ORDER if p in parts]
        return [unpacked, *sets]

    def _set_part(self, call: AuthCall, part: str, value: cst.BaseExpression) -> cst.Assign:
        request = cst.Name(call.param)
        if part == "body":
            with_body = cst.Name(self.ctx.use_helper("with_body"))
            return _assign(request, cst.Call(with_body, [cst.Arg(request), cst.Arg(value)]))
        if part == "url":
            return _assign(
                cst.Attribute(request, cst.Name("url")),
                cst.Call(self._httpx("URL"), [cst.Arg(value)]),
            )
        with_headers = cst.Name(self.ctx.use_helper("with_headers"))
        return _assign(
            cst.Attribute(request, cst.Name("headers")),
            cst.Call(with_headers, [cst.Arg(request), cst.Arg(value)]),
        )


_REQUIRES_BODY = cst.SimpleStatementLine(
    [cst.Assign([cst.AssignTarget(cst.Name("requires_request_body"))], cst.Name("True"))]
)


def _part(node: cst.BaseExpression, param: str) -> str | None:
    """``url``, ``headers`` or ``body`` when ``node`` is ``<param>.<that>``."""
    if m.matches(node, m.Attribute(m.Name(param))):
        attr = cst.ensure_type(node, cst.Attribute).attr.value
        return attr if attr in SET_ORDER else None
    return None


def _free_name(part: str, taken: set[str]) -> str:
    name = part
    while name in taken:
        name = f"new_{name}"
    return name


def _assign(target: cst.BaseAssignTargetExpression, value: cst.BaseExpression) -> cst.Assign:
    return cst.Assign([cst.AssignTarget(target)], value)


def _plain_operator(operator: cst.BaseAugOp) -> cst.BaseBinaryOp | None:
    """``+=``'s operator as the binary one, ``+``."""
    plain = getattr(cst, type(operator).__name__.removesuffix("Assign"), None)
    return plain() if plain is not None else None


def first_in_class(body: cst.BaseSuite, statement: cst.BaseStatement) -> cst.BaseSuite:
    """``statement`` first in a class body (after its docstring), a blank line after it."""
    assert isinstance(body, cst.IndentedBlock)
    statements = list(body.body)
    at = 1 if statements and _is_docstring(statements[0]) else 0
    if at < len(statements):
        following = statements[at]
        assert isinstance(following, cst.SimpleStatementLine | cst.BaseCompoundStatement)
        if not following.leading_lines:
            statements[at] = following.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
    if at:
        assert isinstance(statement, cst.SimpleStatementLine | cst.BaseCompoundStatement)
        blank = cst.EmptyLine(indent=False)
        statement = statement.with_changes(leading_lines=[blank, *statement.leading_lines])
    statements.insert(at, statement)
    return body.with_changes(body=statements)


def first_in_body(body: cst.BaseSuite, statements: list[cst.SimpleStatementLine]) -> cst.BaseSuite:
    """``statements`` first in a function body (after its docstring)."""
    assert isinstance(body, cst.IndentedBlock)
    lines = list(body.body)
    at = 1 if lines and _is_docstring(lines[0]) else 0
    return body.with_changes(body=[*lines[:at], *statements, *lines[at:]])


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )
