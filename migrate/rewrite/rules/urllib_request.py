"""MIG012 urllib-request: ``urllib.request.urlopen`` -> ``httpx.AsyncClient``.

What urllib does, kept:

* urlopen raises ``HTTPError`` for every non-2xx answer, httpx raises
  nothing: the response gets ``raise_for_status()`` (which raises for
  exactly those), and ``except HTTPError`` becomes ``except
  httpx.HTTPStatusError`` with ``e.code`` -> ``e.response.status_code``,
  ``e.read()`` -> ``e.response.content``;
* ``URLError`` is the base of ``HTTPError``: it becomes ``httpx.HTTPError``,
  the base of ``HTTPStatusError`` and of every transport error; a handler
  whose ``try`` still reaches calls kept on urllib catches both forms (the
  plan's ``urllib_raising`` says what each call raises, across modules);
* urlopen follows redirects and has no timeout unless given one: the client
  gets ``follow_redirects=True, timeout=None``, a ``timeout=`` stays on the
  request;
* ``Request(url, data=, headers=, method=)``, in the call or assigned right
  before it: ``data`` is bytes, so it is ``content=``; with data and no
  method urllib POSTs, with ``Content-Type:
  application/x-www-form-urlencoded`` unless the headers name one;
* the response: ``read()`` -> ``.content``, ``json.load(r)`` -> ``r.json()``,
  ``status``/``code``/``getcode()`` -> ``.status_code``, ``getheader(n)`` ->
  ``.headers.get(n)``, ``reason`` -> ``.reason_phrase``, ``url``/``geturl()``
  -> ``str(.url)``, ``close()`` -> ``await .aclose()``.

Which calls are carried is decided by the analysis
(``migrate/analyse/urllib_shapes.py``); the others keep urllib behind a bridge
and the plan names why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst
import libcst.matchers as m

from ...plan.edits import Pos
from ..context import RuleContext
from ..nodes import dotted_name, keyword_arg
from ..with_items import last_without_comma
from .base import StatementResult, on_leave, on_visit
from .urllib_errors import ERROR_CLASSES, UrllibErrors, attr_of

CLIENT = "http_client"
FORM_TYPE_TODO = "urllib sent this body as x-www-form-urlencoded; httpx sets no type"
FORM_TYPE_DETAIL = (
    "urllib adds Content-Type: application/x-www-form-urlencoded to a body sent without"
    " one, httpx sends content= with none: add the header where the server needs it"
)
RESPONSE_RENAMES = {"status": "status_code", "code": "status_code", "reason": "reason_phrase"}


class UrllibRequest(UrllibErrors):
    """MIG012: see the module docstring."""

    code = "MIG012"
    name = "urllib-request"
    summary = "urllib.request.urlopen -> httpx.AsyncClient, raising like urlopen"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.module = ctx.options.http_module
        # Names bound to carried responses, per function (innermost last).
        self.responses: list[set[str]] = [set()]
        # Per function: the locals every assignment of which makes a body (see _bodies).
        self.bodies: list[frozenset[str]] = [frozenset()]
        # urlopen calls bound to a name or a with item (ids of the original nodes).
        self.bound: set[int] = set()
        # Statements that need a client around them, innermost last.
        self.frames: list[bool] = []
        # Per try statement being rewritten: what its handlers map urllib's classes
        # to ("httpx", "both": some calls in it still raise urllib's, "": nothing).
        self.tries: list[str] = []
        self.raises: list[str] = []  # the same, per ``with pytest.raises(...)``
        # What the file's imports bind: local name -> (qualified name, the import
        # as ``maybe_remove_import`` names it).
        self.imported: dict[str, tuple[str, tuple[str, str | None]]] = {}
        # ``req = Request(...)`` right before ``urlopen(req)``: the Request, by the
        # assignment's position, and the statements that go (ids of the new nodes).
        self.requests: dict[Pos, cst.Call] = {}
        self.taken_in: set[int] = set()

    # -- where the file's names come from ---------------------------------------------

    @on_visit(cst.Import)
    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            module = dotted_name(alias.name)
            if alias.asname is not None and module and _urllib(module):
                local = cst.ensure_type(alias.asname.name, cst.Name).value
                self.imported[local] = (module, (module, None))

    @on_visit(cst.ImportFrom)
    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = dotted_name(node.module) if node.module else None
        if not module or not _urllib(module) or isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            local = alias.asname.name if alias.asname else alias.name
            if name and isinstance(local, cst.Name):
                self.imported[local.value] = (f"{module}.{name}", (module, name))

    def _resolve(self, node: cst.BaseExpression) -> tuple[str, tuple[str, str | None]] | None:
        """The qualified name ``node`` stands for, and the import that brought it."""
        name = dotted_name(node)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        qualified, source = self.imported.get(head, (head, (name.rpartition(".")[0], None)))
        return f"{qualified}.{rest}".strip("."), source

    def _error_class(self, node: cst.BaseExpression) -> tuple[str, tuple[str, str | None]] | None:
        """``HTTPError``/``URLError`` if ``node`` names one of urllib's classes, and
        the import that brought it."""
        resolved = self._resolve(node)
        if resolved is None:
            return None
        module, _, cls = resolved[0].rpartition(".")
        if module in ("urllib.error", "urllib.request") and cls in ERROR_CLASSES:
            return cls, resolved[1]
        return None

    def _forget(self, node: cst.BaseExpression) -> None:
        """Drop the import ``node`` came from if nothing else uses it now."""
        resolved = self._resolve(node)
        if resolved is not None:
            self.ctx.maybe_remove_import(*resolved[1])

    def _active(self) -> bool:
        return bool(self.ctx.edits.urlopens) and self.ctx.in_async

    # -- scopes -------------------------------------------------------------------------

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.responses.append(set())
        self.bodies.append(_bodies(node))

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.responses.pop()
        self.bodies.pop()
        return updated

    def _carried(self, node: cst.CSTNode) -> bool:
        return self.ctx.pos(node) in self.ctx.edits.urlopens

    @on_visit(cst.With)
    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if isinstance(item.item, cst.Call) and self._carried(item.item):
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
        built = self.ctx.edits.inlined_requests.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if built is not None and built in self.requests:
            url = self.requests[built]
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
            self._forget(request.func)
        args = [cst.Arg(url)]
        if data is not None and not m.matches(data, m.Name("None")):
            args.append(keyword_arg("content", data))
            headers = self._form_type(data, headers, self.ctx.line(original))
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
        self._forget(original.func)
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

    def _form_type(
        self, data: cst.BaseExpression, headers: cst.BaseExpression | None, line: int
    ) -> cst.BaseExpression | None:
        """The headers, with the ``Content-Type`` urllib adds to a body sent without
        one (``application/x-www-form-urlencoded``); httpx adds none to ``content=``."""
        if headers is not None and not isinstance(headers, cst.Dict):
            self.ctx.todo(line, self.code, FORM_TYPE_TODO, FORM_TYPE_DETAIL)
            return headers
        elements = list(headers.elements) if headers is not None else []
        for element in elements:
            key = element.key if isinstance(element, cst.DictElement) else None
            text = key.evaluated_value if isinstance(key, cst.SimpleString) else None
            if not isinstance(text, str):
                self.ctx.todo(line, self.code, FORM_TYPE_TODO, FORM_TYPE_DETAIL)
                return headers
            if text.lower() == "content-type":
                return headers
        given = isinstance(data, cst.Name) and data.value in self.bodies[-1]
        if not (given or _surely_given(data)):
            # None at run time sends no body, and urllib no Content-Type then.
            self.ctx.todo(line, self.code, FORM_TYPE_TODO, FORM_TYPE_DETAIL)
            return headers
        form = cst.DictElement(
            cst.SimpleString('"Content-Type"'),
            cst.SimpleString('"application/x-www-form-urlencoded"'),
        )
        if headers is None:
            return cst.Dict([form])
        return headers.with_changes(elements=[*elements, form])

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
        if not self._active() or not self._is_response(owner, original.func.value):
            return updated
        if method == "read":
            return attr_of(owner, "content")
        if method == "getcode":
            return attr_of(owner, "status_code")
        if method == "geturl":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(attr_of(owner, "url"))])
        if method == "getheader":
            return updated.with_changes(func=attr_of(attr_of(owner, "headers"), "get"))
        if method == "close":
            return cst.Await(expression=updated.with_changes(func=attr_of(owner, "aclose")))
        return updated

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Attribute):
            return updated
        owner, attr = updated.value, updated.attr.value
        if not self._active() or not self._is_response(owner, original.value):
            return updated
        if attr in RESPONSE_RENAMES:
            return attr_of(owner, RESPONSE_RENAMES[attr])
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
        small = original.body[0] if len(original.body) == 1 else None
        pos = self.ctx.pos(small) if isinstance(small, cst.Assign) else None
        if pos is not None and pos in self.ctx.edits.inlined_requests.values():
            # urlopen(req) on the next statement takes the Request in.
            value = cst.ensure_type(updated.body[0], cst.Assign).value
            self.requests[pos] = cst.ensure_type(value, cst.Call)
            self.taken_in.add(id(updated))
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

    @on_leave(cst.IndentedBlock)
    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated.with_changes(body=self._without_taken_in(updated.body))

    @on_leave(cst.Module)
    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        return updated.with_changes(body=self._without_taken_in(updated.body))

    def _without_taken_in(self, body: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """The block without the Requests urlopen took in; their comments go with
        the statement after them."""
        out: list[cst.BaseStatement] = []
        carried: list[cst.EmptyLine] = []
        for stmt in body:
            lines = list(getattr(stmt, "leading_lines", ()))
            if id(stmt) in self.taken_in:
                carried += lines
                continue
            if carried:
                stmt = stmt.with_changes(leading_lines=[*carried, *lines])
                carried = []
            out.append(stmt)
        return out

    @on_leave(cst.With)
    def leave_With(self, original: cst.With, updated: cst.With) -> cst.BaseStatement:
        bound = [id(item.item) in self.bound for item in original.items]
        if not self._active() or not any(bound) or len(updated.items) != len(bound):
            return updated
        # Items are entered left to right: each response becomes the lines
        # fetching it, each run of other items a with of its own, nested in
        # what comes before it.
        parts: list[list[cst.BaseStatement] | tuple[bool, list[cst.WithItem]]] = []
        for was, item, is_response in zip(original.items, updated.items, bound):
            if is_response:
                parts.append(self._fetched(item.item, was.asname))
                continue
            is_async = self.ctx.pos(was.item) in self.ctx.edits.async_withs
            last = parts[-1] if parts else None
            if isinstance(last, tuple) and last[0] == is_async:
                last[1].append(item)
            else:
                parts.append((is_async, [item]))
        body = list(cst.ensure_type(updated.body, cst.IndentedBlock).body)
        for part in reversed(parts):
            if isinstance(part, list):
                body = [*part, *body]
                continue
            is_async, items = part
            with_stmt = cst.With(
                items=last_without_comma(items),
                body=cst.IndentedBlock(body),
                asynchronous=cst.Asynchronous() if is_async else None,
            )
            body = [with_stmt]
        return self._client(body, updated.leading_lines)

    def _fetched(
        self, request: cst.BaseExpression, asname: cst.AsName | None
    ) -> list[cst.BaseStatement]:
        """The lines a ``with urlopen(...) [as name]`` item becomes: fetch, raise like urlopen."""
        if asname is not None:
            name = cst.ensure_type(asname.name, cst.Name)
            return [
                cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(name)], request)]),
                _raise_for_status(name),
            ]
        call = cst.ensure_type(request, cst.Await)
        raised = cst.Call(
            func=cst.Attribute(
                value=call.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
                attr=cst.Name("raise_for_status"),
            )
        )
        return [cst.SimpleStatementLine([cst.Expr(raised)])]


def _raise_for_status(name: cst.Name) -> cst.SimpleStatementLine:
    call = cst.Call(func=attr_of(name, "raise_for_status"))
    return cst.SimpleStatementLine([cst.Expr(call)])


def _urlopen_args(
    call: cst.Call,
) -> tuple[cst.BaseExpression, cst.BaseExpression | None, cst.BaseExpression | None]:
    names = ("url", "data")
    given = {n: a.value for n, a in zip(names, call.args) if a.keyword is None}
    given |= {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    return given["url"], given.get("data"), given.get("timeout")


def _surely_given(data: cst.BaseExpression) -> bool:
    """Whether ``data`` is surely a body, never None: a literal, or what a call
    (``.encode()``, ``urlencode(...).encode()``) or an operator makes."""
    return isinstance(
        data,
        cst.SimpleString
        | cst.ConcatenatedString
        | cst.FormattedString
        | cst.Call
        | cst.BinaryOperation
        | cst.List
        | cst.Tuple,
    )


def _bodies(function: cst.FunctionDef) -> frozenset[str]:
    """The locals of ``function`` every assignment of which surely makes a body
    (``body = urlencode(fields).encode()``), and none of them a parameter."""
    made: dict[str, bool] = {}
    for node in _walk(function.body):
        if isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    name = target.target.value
                    made[name] = made.get(name, True) and _surely_given(node.value)
        elif isinstance(node, cst.AugAssign | cst.AnnAssign) and isinstance(node.target, cst.Name):
            made[node.target.value] = False
    params = function.params
    taken = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    return frozenset(name for name, sure in made.items() if sure and name not in taken)


def _walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    yield node
    for child in node.children:
        if not isinstance(child, cst.FunctionDef | cst.ClassDef | cst.Lambda):
            yield from _walk(child)


def _urllib(module: str) -> bool:
    """Python 3's urllib package (not Python 2's ``urllib2`` a fallback imports)."""
    return module == "urllib" or module.startswith("urllib.")
