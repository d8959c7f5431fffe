"""MIG012 urllib-request: ``urllib.request.urlopen`` -> ``httpx.AsyncClient``.

What urllib does, kept:

* urlopen raises ``HTTPError`` for every non-2xx answer, httpx raises
  nothing: the response gets ``raise_for_status()`` (which raises for
  exactly those), and ``except HTTPError`` becomes ``except
  httpx.HTTPStatusError`` with ``e.code`` -> ``e.response.status_code``,
  ``e.read()`` -> ``e.response.content``;
* ``URLError`` is the base of ``HTTPError``: it becomes ``httpx.HTTPError``,
  the base of ``HTTPStatusError`` and of every transport error;
* urlopen follows redirects and has no timeout unless given one: the client
  gets ``follow_redirects=True, timeout=None``, a ``timeout=`` stays on the
  request;
* ``Request(url, data=, headers=, method=)``: ``data`` is bytes, so it is
  ``content=``; with data and no method urllib POSTs;
* the response: ``read()`` -> ``.content``, ``json.load(r)`` -> ``r.json()``,
  ``status``/``code``/``getcode()`` -> ``.status_code``, ``getheader(n)`` ->
  ``.headers.get(n)``, ``reason`` -> ``.reason_phrase``, ``url``/``geturl()``
  -> ``str(.url)``, ``close()`` -> ``await .aclose()``.

Which calls are carried is decided by the analysis
(``migrate/analyse/urllib_shapes.py``); the others keep urllib behind a bridge
and the plan names why.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from ..nodes import dotted_name, keyword_arg
from .base import Rule, StatementResult, on_leave, on_visit

CLIENT = "http_client"
STATUS_ERROR_ATTRS = {
    "code": ("response", "status_code"),
    "status": ("response", "status_code"),
    "reason": ("response", "reason_phrase"),
    "headers": ("response", "headers"),
}
RESPONSE_RENAMES = {"status": "status_code", "code": "status_code", "reason": "reason_phrase"}


class UrllibRequest(Rule):
    """MIG012: see the module docstring."""

    code = "MIG012"
    name = "urllib-request"
    summary = "urllib.request.urlopen -> httpx.AsyncClient, raising like urlopen"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.module = ctx.options.http_module
        # Names bound to carried responses, per function (innermost last).
        self.responses: list[set[str]] = [set()]
        # Names bound to caught status errors / URL errors, per function.
        self.status_errors: list[set[str]] = [set()]
        self.url_errors: list[set[str]] = [set()]
        # urlopen calls bound to a name or a with item (ids of the original nodes).
        self.bound: set[int] = set()
        # Statements that need a client around them, innermost last.
        self.frames: list[bool] = []
        # Per try statement being rewritten: whether its body makes a carried call.
        self.tries: list[bool] = []
        # Local names of urllib's exception classes: local name -> class name.
        self.error_names: dict[str, str] = {}

    # -- where the file's names come from ---------------------------------------------

    @on_visit(cst.ImportFrom)
    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = dotted_name(node.module) if node.module else None
        if module not in ("urllib.error", "urllib.request") or isinstance(
            node.names, cst.ImportStar
        ):
            return
        for alias in node.names:
            name = alias.name.value if isinstance(alias.name, cst.Name) else None
            if name in ("HTTPError", "URLError"):
                local = alias.asname.name if alias.asname else alias.name
                self.error_names[cst.ensure_type(local, cst.Name).value] = name

    def _error_class(self, node: cst.BaseExpression) -> str | None:
        name = dotted_name(node)
        if name is None:
            return None
        if name in self.error_names:
            return self.error_names[name]
        for prefix in ("urllib.error.", "urllib.request."):
            rest = name.removeprefix(prefix)
            if rest != name and rest in ("HTTPError", "URLError"):
                return rest
        return None

    def _active(self) -> bool:
        return bool(self.ctx.edits.urlopens) and self.ctx.in_async

    # -- scopes -------------------------------------------------------------------------

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.responses.append(set())
        self.status_errors.append(set())
        self.url_errors.append(set())

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.responses.pop()
        self.status_errors.pop()
        self.url_errors.pop()
        return updated

    def _carried(self, node: cst.CSTNode) -> bool:
        return self.ctx.pos(node) in self.ctx.edits.urlopens

    @on_visit(cst.With)
    def visit_With(self, node: cst.With) -> None:
        item = node.items[0]
        if len(node.items) == 1 and isinstance(item.item, cst.Call) and self._carried(item.item):
            self.bound.add(id(item.item))
            if item.asname is not None and isinstance(item.asname.name, cst.Name):
                self.responses[-1].add(item.asname.name.value)

    @on_visit(cst.Assign)
    def visit_Assign(self, node: cst.Assign) -> None:
        if isinstance(node.value, cst.Call) and self._carried(node.value):
            target = node.targets[0].target
            if len(node.targets) == 1 and isinstance(target, cst.Name):
                self.bound.add(id(node.value))
                self.responses[-1].add(target.value)

    @on_visit(cst.SimpleStatementLine)
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.frames.append(False)

    # -- the call -----------------------------------------------------------------------

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        if not isinstance(updated, cst.Call):
            return updated
        if self._active() and self._carried(original):
            return self._request(original, updated)
        return self._response_call(original, updated)

    def _request(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        url, data, timeout = _urlopen_args(updated)
        method: cst.BaseExpression | None = None
        headers: cst.BaseExpression | None = None
        if isinstance(url, cst.Call) and (dotted_name(url.func) or "").endswith("Request"):
            request = url
            names = ("url", "data", "headers")
            given = {n: a.value for n, a in zip(names, request.args) if a.keyword is None}
            given |= {a.keyword.value: a.value for a in request.args if a.keyword is not None}
            url = given["url"]
            data = given.get("data", data)
            headers = given.get("headers")
            method = given.get("method")
            self.ctx.maybe_remove_import("urllib.request", "Request")
        args = [cst.Arg(url)]
        if data is not None and not m.matches(data, m.Name("None")):
            args.append(keyword_arg("content", data))
        else:
            data = None
        if headers is not None:
            args.append(keyword_arg("headers", headers))
        if timeout is not None:
            args.append(keyword_arg("timeout", timeout))
        if method is not None:
            verb, args = "request", [cst.Arg(method), *args]
        else:
            verb = "post" if data is not None else "get"
        call = cst.Call(func=cst.Attribute(value=cst.Name(CLIENT), attr=cst.Name(verb)), args=args)
        self.ctx.maybe_remove_import("urllib.request", "urlopen")
        self.ctx.maybe_remove_import("urllib.request")
        self.ctx.maybe_remove_import("urllib")
        self.ctx.note(self.code, self.ctx.line(original), f"urlopen -> {self.module}.AsyncClient")
        if self.frames and id(original) not in self.bound:
            self.frames[-1] = True
        awaited = cst.Await(expression=call)
        if id(original) in self.bound:
            return awaited
        # Used in place: raise like urlopen, and go on with the response.
        return cst.Call(
            func=cst.Attribute(
                value=awaited.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
                attr=cst.Name("raise_for_status"),
            )
        )

    def _is_response(self, node: cst.BaseExpression, original: cst.BaseExpression) -> bool:
        if isinstance(original, cst.Call) and self._carried(original):
            return True
        return isinstance(node, cst.Name) and node.value in self.responses[-1]

    def _response_call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if self._active() and m.matches(
            func, m.Attribute(value=m.Name("json"), attr=m.Name("load"))
        ):
            if len(updated.args) == 1 and self._is_response(
                updated.args[0].value, original.args[0].value
            ):
                self.ctx.maybe_remove_import("json")
                return cst.Call(
                    func=cst.Attribute(value=updated.args[0].value, attr=cst.Name("json"))
                )
            return updated
        if not isinstance(func, cst.Attribute) or not isinstance(original.func, cst.Attribute):
            return updated
        owner, method = func.value, func.attr.value
        if isinstance(owner, cst.Name) and owner.value in self.status_errors[-1]:
            if method == "read":
                return _attr(_attr(owner, "response"), "content")
            if method == "getcode":
                return _attr(_attr(owner, "response"), "status_code")
            return updated
        if not self._active() or not self._is_response(owner, original.func.value):
            return updated
        if method == "read":
            return _attr(owner, "content")
        if method == "getcode":
            return _attr(owner, "status_code")
        if method == "geturl":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(_attr(owner, "url"))])
        if method == "getheader":
            return updated.with_changes(func=_attr(_attr(owner, "headers"), "get"))
        if method == "close":
            return cst.Await(expression=updated.with_changes(func=_attr(owner, "aclose")))
        return updated

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Attribute):
            return updated
        owner, attr = updated.value, updated.attr.value
        if isinstance(owner, cst.Name) and owner.value in self.url_errors[-1]:
            # URLError.reason is the underlying error; httpx's is the exception itself.
            return owner if attr == "reason" else updated
        if isinstance(owner, cst.Name) and owner.value in self.status_errors[-1]:
            if attr in STATUS_ERROR_ATTRS:
                first, second = STATUS_ERROR_ATTRS[attr]
                return _attr(_attr(owner, first), second)
            return updated
        if not self._active() or not self._is_response(owner, original.value):
            return updated
        if attr in RESPONSE_RENAMES:
            return _attr(owner, RESPONSE_RENAMES[attr])
        if attr == "url":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(updated)])
        return updated

    # -- statements ---------------------------------------------------------------------

    def _client(self, body: list[cst.BaseStatement], leading: object) -> cst.With:
        self.ctx.add_import(self.module)
        client = cst.Call(
            func=cst.Attribute(value=cst.Name(self.module), attr=cst.Name("AsyncClient")),
            args=[
                keyword_arg("follow_redirects", cst.Name("True")),
                keyword_arg("timeout", cst.Name("None")),
            ],
        )
        return cst.With(
            items=[cst.WithItem(client, asname=cst.AsName(cst.Name(CLIENT)))],
            body=cst.IndentedBlock(body),
            asynchronous=cst.Asynchronous(),
            leading_lines=leading,  # type: ignore[arg-type]
        )

    @on_leave(cst.SimpleStatementLine)
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        needs_client = self.frames.pop() if self.frames else False
        if not self._active():
            return updated
        assign = original.body[0] if len(original.body) == 1 else None
        if (
            isinstance(assign, cst.Assign)
            and isinstance(assign.value, cst.Call)
            and id(assign.value) in self.bound
        ):
            name = cst.ensure_type(assign.targets[0].target, cst.Name)
            request = updated.with_changes(leading_lines=[])
            return cst.FlattenSentinel(
                [self._client([request], updated.leading_lines), _raise_for_status(name)]
            )
        if needs_client:
            return self._client([updated.with_changes(leading_lines=[])], updated.leading_lines)
        return updated

    @on_leave(cst.With)
    def leave_With(self, original: cst.With, updated: cst.With) -> cst.BaseStatement:
        item = original.items[0].item
        if not self._active() or id(item) not in self.bound:
            return updated
        request = updated.items[0].item
        asname = original.items[0].asname
        body = list(cst.ensure_type(updated.body, cst.IndentedBlock).body)
        if asname is not None:
            name = cst.ensure_type(asname.name, cst.Name)
            first = [
                cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(name)], request)]),
                _raise_for_status(name),
            ]
        else:
            call = cst.ensure_type(request, cst.Await)
            raised = cst.Call(
                func=cst.Attribute(
                    value=call.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
                    attr=cst.Name("raise_for_status"),
                )
            )
            first = [cst.SimpleStatementLine([cst.Expr(raised)])]
        return self._client([*first, *body], updated.leading_lines)

    # -- exceptions ---------------------------------------------------------------------

    @on_visit(cst.Try)
    def visit_Try(self, node: cst.Try) -> None:
        calls = m.findall(node.body, m.Call())
        self.tries.append(any(self._carried(call) for call in calls))

    @on_leave(cst.Try)
    def leave_Try(self, original: cst.Try, updated: cst.BaseStatement) -> cst.BaseStatement:
        self.tries.pop()
        return updated

    def _maps_errors(self) -> bool:
        """Whether the handler at hand catches what a carried call raises: in a try
        around one, or anywhere in a file whose every urlopen call is carried."""
        return self.ctx.edits.urllib_errors or bool(self.tries and self.tries[-1])

    @on_leave(cst.ExceptHandler)
    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        if original.name is not None and isinstance(original.name.name, cst.Name):
            # The name is the handler's own: a later handler may bind it to another error.
            self.status_errors[-1].discard(original.name.name.value)
            self.url_errors[-1].discard(original.name.name.value)
        if not self._maps_errors() or updated.type is None:
            return updated
        kinds = {"HTTPError": "HTTPStatusError", "URLError": "HTTPError"}

        def mapped(node: cst.BaseExpression) -> cst.BaseExpression:
            kind = self._error_class(node)
            if kind is None:
                return node
            self.ctx.add_import(self.module)
            if isinstance(node, cst.Name):
                self.ctx.maybe_remove_import("urllib.error", node.value)
            self.ctx.maybe_remove_import("urllib.error")
            return cst.Attribute(value=cst.Name(self.module), attr=cst.Name(kinds[kind]))

        if isinstance(updated.type, cst.Tuple):
            elements = [e.with_changes(value=mapped(e.value)) for e in updated.type.elements]
            return updated.with_changes(type=updated.type.with_changes(elements=elements))
        return updated.with_changes(type=mapped(updated.type))

    @on_visit(cst.ExceptHandler)
    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if not self._maps_errors() or node.type is None or node.name is None:
            return
        types = (
            [e.value for e in node.type.elements]
            if isinstance(node.type, cst.Tuple)
            else [node.type]
        )
        kinds = [self._error_class(t) for t in types]
        if kinds == ["HTTPError"]:
            self.status_errors[-1].add(cst.ensure_type(node.name.name, cst.Name).value)
        elif kinds == ["URLError"]:
            self.url_errors[-1].add(cst.ensure_type(node.name.name, cst.Name).value)


def _attr(owner: cst.BaseExpression, name: str) -> cst.Attribute:
    return cst.Attribute(value=owner, attr=cst.Name(name))


def _raise_for_status(name: cst.Name) -> cst.SimpleStatementLine:
    call = cst.Call(func=_attr(name, "raise_for_status"))
    return cst.SimpleStatementLine([cst.Expr(call)])


def _urlopen_args(
    call: cst.Call,
) -> tuple[cst.BaseExpression, cst.BaseExpression | None, cst.BaseExpression | None]:
    names = ("url", "data")
    given = {n: a.value for n, a in zip(names, call.args) if a.keyword is None}
    given |= {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    return given["url"], given.get("data"), given.get("timeout")
