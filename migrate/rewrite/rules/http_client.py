"""MIG001 http-client: requests and sync httpx -> ``httpx.AsyncClient``.

Every difference listed in docs/rules.md#mig001 is carried so behaviour stays
the same:

* redirects: requests follows them (but not for HEAD), httpx does not by
  default: clients get ``follow_redirects=True``, ``allow_redirects=`` becomes
  ``follow_redirects=``, a HEAD keeps ``follow_redirects=False``;
* timeouts: requests has none by default, httpx 5 s: clients get
  ``timeout=None``; a ``(connect, read)`` tuple becomes ``httpx.Timeout``;
* bodies: a raw ``data=`` string/bytes becomes ``content=``; arguments after
  the URL become keywords; GET/HEAD/DELETE/OPTIONS with a body go through
  ``.request()``;
* responses: ``.ok`` -> ``.status_code < 400``, ``.reason`` ->
  ``.reason_phrase``, ``.url`` -> ``str(.url)``, ``raise_for_status()`` only
  for 4xx/5xx (httpx also raises for 3xx);
* exceptions: requests' classes map to httpx's (``requests.HTTPError`` ->
  ``httpx.HTTPStatusError``: the names clash);
* client lifetime: Flask runs every async view on a new event loop, and an
  ``AsyncClient`` must not be used on two loops (encode/httpx#2473). A
  module-level session becomes one client per event loop, made by a factory
  that carries the session's configuration, reused by every call on that loop
  and closed when the loop's runner shuts down (docs/client-lifetime.md). A
  one-off ``requests.get()`` becomes ``async with httpx.AsyncClient(...)``.

What cannot be carried (adapters, hooks, per-request ``verify=``,
streaming iteration outside a block, ``data=`` of unknown type) gets a
``# TODO(migrate)`` comment and is listed in the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from ..imports import after_imports
from .base import Rule, StatementResult

# requests exception -> httpx exception. In ``except`` clauses a tuple keeps
# requests' wider meaning where one class is not enough.
EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "RequestException": ("HTTPError",),
    "HTTPError": ("HTTPStatusError",),
    "ConnectionError": ("NetworkError", "ConnectTimeout"),
    "Timeout": ("TimeoutException",),
    "ReadTimeout": ("ReadTimeout",),
    "ConnectTimeout": ("ConnectTimeout",),
    "TooManyRedirects": ("TooManyRedirects",),
    "InvalidURL": ("InvalidURL",),
    "ChunkedEncodingError": ("RemoteProtocolError",),
    "ContentDecodingError": ("DecodingError",),
}
JSON_ERRORS = ("JSONDecodeError",)
# Other requests names that have an httpx twin of the same shape.
TYPES = {"Response": "Response", "Request": "Request", "PreparedRequest": "Request"}
REQUEST_EXCEPTION_JSON_NOTE = (
    "requests.RequestException also covered JSON errors from .json(); httpx raises"
    " json.JSONDecodeError there: handle it too if you relied on that"
)

# Positional parameters after the URL, per requests function.
POSITIONAL: dict[str, tuple[str, ...]] = {
    "get": ("params",),
    "options": (),
    "head": (),
    "post": ("data", "json"),
    "put": ("data",),
    "patch": ("data",),
    "delete": (),
}
BODYLESS = frozenset({"get", "head", "delete", "options"})
BODY_ARGS = frozenset({"data", "json", "content", "files"})
# Per-request arguments httpx only takes on the client.
CLIENT_ONLY = frozenset({"verify", "cert", "proxies", "hooks"})
RESPONSE_RENAMES = {"reason": "reason_phrase"}
STREAM_METHODS = {
    "iter_content": "aiter_bytes",
    "iter_lines": "aiter_lines",
}
SESSION_CONFIG_UNPORTABLE = {
    "mount": "HTTPAdapter/Retry have no httpx twin (httpx.AsyncHTTPTransport(retries=n)"
    " retries connection errors only)",
    "verify": "httpx sets verify= when the client is made: pass it to httpx.AsyncClient(...)",
    "cert": "httpx sets cert= when the client is made: pass it to httpx.AsyncClient(...)",
    "proxies": "httpx takes proxy=/mounts= when the client is made",
    "hooks": "use event_hooks= with async functions on httpx.AsyncClient",
    "adapters": "HTTPAdapter has no httpx twin",
}
# Imports only unportable session configuration used (dropped once unused).
UNPORTABLE_IMPORTS = (
    ("requests.adapters", "HTTPAdapter"),
    ("urllib3.util.retry", "Retry"),
    ("urllib3.util", "Retry"),
    ("urllib3", "Retry"),
)
ONE_SHOT_CLIENT = "http_client"
# httpx builds a TLS context (loading the CA bundle, ~15 ms) for every client,
# and under Flask a client lives one request: the rewritten code makes one
# context per module, the way httpx would, and hands it to every client.
TLS_CONTEXT = "_TLS_CONTEXT"


def _kw(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def _requests_defaults() -> list[cst.Arg]:
    """What a client needs to behave like requests: follow redirects, no timeout."""
    return [_kw("follow_redirects", cst.Name("True")), _kw("timeout", cst.Name("None"))]


def _append(args: list[cst.Arg], arg: cst.Arg) -> list[cst.Arg]:
    """Add a keyword after the others, giving the previous last one a comma."""
    if args:
        last = args[-1]
        comma = (
            last.comma
            if isinstance(last.comma, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        args = [*args[:-1], last.with_changes(comma=comma)]
    return [*args, arg]


def _is_kw(arg: cst.Arg, name: str) -> bool:
    return arg.keyword is not None and arg.keyword.value == name


def one_off_cookies(args: list[cst.Arg]) -> list[cst.Arg]:
    """Per-request ``cookies=`` is deprecated in httpx: a one-off client takes them."""
    return [_kw("cookies", a.value) for a in args if _is_kw(a, "cookies")]


def _is_raw_body(node: cst.BaseExpression) -> bool | None:
    """True for str/bytes literals, False for dicts/lists of pairs, None when unknown."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString | cst.FormattedString):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add | cst.Modulo):
        # "a=" + text, "%s" % x: a string built from a literal.
        if _is_raw_body(node.left) or (
            isinstance(node.operator, cst.Add) and _is_raw_body(node.right)
        ):
            return True
    if isinstance(node, cst.Call) and m.matches(
        node.func, m.Attribute(attr=m.Name("encode") | m.Name("dumps"))
    ):
        return True
    if isinstance(node, cst.Dict | cst.List | cst.Tuple | cst.DictComp):
        return False
    return None


@dataclass
class _Frame:
    """Statement being rewritten: one-off clients it needs."""

    client_args: list[cst.Arg] | None = None


@dataclass
class _FunctionState:
    responses: set[str] = field(default_factory=set)
    direct_responses: set[str] = field(default_factory=set)
    # Names bound to streamed responses (``stream=True``).
    streams: set[str] = field(default_factory=set)


def _streams(call: cst.Call) -> bool:
    """``stream=True`` among the call's arguments."""
    return any(
        a.keyword is not None and a.keyword.value == "stream" and m.matches(a.value, m.Name("True"))
        for a in call.args
    )


class HttpClient(Rule):
    code = "MIG001"
    name = "http-client"
    summary = "requests / sync httpx -> httpx.AsyncClient, keeping requests' behaviour"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.frames: list[_Frame] = []
        self.functions: list[_FunctionState] = [_FunctionState()]
        self.elifs: set[int] = set()
        self.module = ctx.options.http_module
        # Streamed requests rewritten in this file, and the lines of
        # ``resp = session.get(url, stream=True)`` statements.
        self.stream_calls: set[object] = set()
        self.stream_lines: set[int] = set()
        self.with_items: set[int] = set()

    # -- bookkeeping ---------------------------------------------------------------

    def _httpx(self, attr: str) -> cst.Attribute:
        self.ctx.add_import(self.module)
        return cst.Attribute(value=cst.Name(self.module), attr=cst.Name(attr))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        state = _FunctionState()
        # Parameters annotated as requests responses are responses here too.
        for param in (*node.params.params, *node.params.kwonly_params, *node.params.posonly_params):
            annotation = param.annotation.annotation if param.annotation else None
            text = _dotted(annotation) if annotation is not None else None
            if text in ("requests.Response", "requests.models.Response", "Response"):
                state.responses.add(param.name.value)
        self.functions.append(state)

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.functions.pop()
        return updated

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.frames.append(_Frame())

    def visit_compound(self, node: cst.If | cst.While | cst.For) -> None:
        # A one-off request in the header (``while requests.get(...).ok:``)
        # gets a client around the whole statement; an ``elif`` shares the
        # frame of its ``if`` (a ``with`` cannot stand between them).
        if isinstance(node, cst.If) and isinstance(node.orelse, cst.If):
            self.elifs.add(id(node.orelse))
        if id(node) not in self.elifs:
            self.frames.append(_Frame())

    def leave_compound(
        self, original: cst.If | cst.While | cst.For, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        if id(original) in self.elifs:
            return updated
        frame = self.frames.pop()
        if frame.client_args is None:
            return updated
        return self._with_client(frame.client_args, updated)

    def _with_client(self, client_args: list[cst.Arg], stmt: cst.BaseStatement) -> cst.With:
        """``async with httpx.AsyncClient(...) as http_client:`` around ``stmt``."""
        item = cst.WithItem(
            cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_args)),
            asname=cst.AsName(cst.Name(ONE_SHOT_CLIENT)),
        )
        return cst.With(
            items=[item],
            body=cst.IndentedBlock([stmt.with_changes(leading_lines=[])]),
            asynchronous=cst.Asynchronous() if self.ctx.in_async else None,
            leading_lines=stmt.leading_lines,  # type: ignore[attr-defined]
        )

    def _visit_with_streams(self, node: cst.With) -> None:
        for item in node.items:
            call = item.item
            if (
                isinstance(call, cst.Call)
                and _streams(call)
                and self.ctx.pos(call) in self.ctx.edits.http_calls
                and item.asname is not None
                and isinstance(item.asname.name, cst.Name)
            ):
                self.functions[-1].streams.add(item.asname.name.value)
                self.functions[-1].responses.add(item.asname.name.value)

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        streamed = any(self.ctx.pos(item.item) in self.stream_calls for item in original.items)
        made = any(
            self.ctx.pos(item.item) in self.ctx.edits.client_constructors for item in original.items
        )
        if (streamed or made) and self.ctx.in_async:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    def _constructor(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """``requests.Session()`` / ``httpx.Client(...)`` in async code -> an AsyncClient."""
        kind = self.ctx.edits.client_constructors[self.ctx.pos(original) or (0, 0, 0, 0)]
        args = _requests_defaults() if kind.startswith("requests") else list(updated.args)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, self.ctx.line(original), f"{kind}() -> AsyncClient")
        if not self._in_with_item(original):
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "close this client with `await client.aclose()` (or use `async with`)",
            )
        return cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(args))

    def _in_with_item(self, call: cst.Call) -> bool:
        return id(call) in self.with_items

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            self.with_items.add(id(item.item))
        self._visit_with_streams(node)

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        """``for line in r.iter_lines():`` over a streamed response -> ``async for``."""
        iterator = self._stream_iterator(updated.iter)
        if iterator is None:
            return updated
        return updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())

    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        iterator = self._stream_iterator(updated.iter)
        if iterator is None:
            return updated
        return updated.with_changes(iter=iterator, asynchronous=cst.Asynchronous())

    def _stream_iterator(self, expr: cst.BaseExpression) -> cst.BaseExpression | None:
        if not (
            self.ctx.in_async
            and isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in self.functions[-1].streams
        ):
            return None
        method = expr.func.attr.value
        if method == "iter_lines":
            return expr.with_changes(
                func=expr.func.with_changes(attr=cst.Name("aiter_lines")), args=[]
            )
        if method == "iter_content":
            decoded = any(
                a.keyword is not None
                and a.keyword.value == "decode_unicode"
                and m.matches(a.value, m.Name("True"))
                for a in expr.args
            )
            size = [
                a.with_changes(
                    keyword=None, equal=cst.MaybeSentinel.DEFAULT, comma=cst.MaybeSentinel.DEFAULT
                )
                for a in expr.args
                if a.keyword is None or a.keyword.value == "chunk_size"
            ][:1]
            attr = "aiter_text" if decoded else "aiter_bytes"
            return expr.with_changes(func=expr.func.with_changes(attr=cst.Name(attr)), args=size)
        return None

    def visit_Assign(self, node: cst.Assign) -> None:
        """Remember which local names hold responses, for attribute fixes."""
        value = node.value
        if not isinstance(value, cst.Call):
            return
        if _streams(value) and self.ctx.pos(value) in self.ctx.edits.http_calls:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.functions[-1].streams.add(target.target.value)
                    self.functions[-1].responses.add(target.target.value)
                    self.stream_lines.add(self.ctx.line(node))
        pos = self.ctx.pos(value)
        direct = pos in self.ctx.edits.http_calls
        # Results of awaited or bridged calls of migrated functions can be responses too.
        if not direct and pos not in self.ctx.edits.awaits and pos not in self.ctx.edits.bridges:
            return
        state = self.functions[-1]
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                state.responses.add(target.target.value)
                if direct:
                    state.direct_responses.add(target.target.value)

    # -- calls ----------------------------------------------------------------------------

    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        pos = self.ctx.pos(original) or (0, 0, 0, 0)
        if pos in self.ctx.edits.client_constructors and isinstance(updated, cst.Call):
            return self._constructor(original, updated)
        edit = self.ctx.edits.http_calls.get(pos)
        if edit is None or not isinstance(updated, cst.Call):
            if isinstance(updated, cst.Call):
                updated = self._isinstance(original, updated)
            return self._response_method(original, updated)
        line = self.ctx.line(original)
        entry = edit.entry
        verb = entry.name.rsplit(".", 1)[-1]
        from_requests = entry.name.startswith("requests")
        args, client_args, method = self._translate_args(updated, verb, from_requests, line)
        if args is None:
            return updated
        if edit.on_shared_client or "Client" in entry.name or "Session" in entry.name:
            receiver = updated.func.value if isinstance(updated.func, cst.Attribute) else None
            if receiver is None:
                return updated
            for name in client_args:
                self.ctx.todo(
                    line,
                    self.code,
                    f"{name.keyword.value if name.keyword else name}= is set on"
                    " the client in httpx, not per request",
                )
            if _streams(original):
                return self._stream_call(original, updated, receiver, method, args, line)
            new_call = self._method_call(updated, receiver, method, args)
        else:
            # A one-off call: a client for this statement only.
            if not self.frames:
                self.ctx.todo(line, self.code, "one-off request outside a statement: not rewritten")
                return updated
            frame = self.frames[-1]
            client_kwargs = []
            if from_requests:
                client_kwargs += [
                    _kw("follow_redirects", cst.Name("True")),
                    _kw("timeout", cst.Name("None")),
                ]
            frame.client_args = client_kwargs + client_args + one_off_cookies(args)
            args = [a for a in args if not _is_kw(a, "cookies")]
            if args:
                args[-1] = args[-1].with_changes(comma=updated.args[-1].comma)
            new_call = self._method_call(updated, cst.Name(ONE_SHOT_CLIENT), method, args)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, f"{entry.name} -> {self.module}.AsyncClient.{verb}")
        if self.ctx.in_async:
            return cst.Await(expression=new_call)
        return new_call

    def _stream_call(
        self,
        original: cst.Call,
        call: cst.Call,
        receiver: cst.BaseExpression,
        method: str,
        args: list[cst.Arg],
        line: int,
    ) -> cst.BaseExpression:
        """``session.get(url, stream=True)`` -> ``session.stream("GET", url)``.

        Not awaited: ``client.stream()`` is an async context manager. The
        ``with`` or assignment holding it becomes ``async with`` (see
        leave_With and leave_IndentedBlock)."""
        if method != "request":
            args = [cst.Arg(cst.SimpleString(f'"{method.upper()}"')), *args]
        self.stream_calls.add(self.ctx.pos(original))
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, "streamed request -> async with client.stream(...)")
        return self._method_call(call, receiver, "stream", args)

    def _method_call(
        self, call: cst.Call, receiver: cst.BaseExpression, verb: str, args: list[cst.Arg]
    ) -> cst.Call:
        # with_changes keeps the call's own brackets and line breaks.
        return call.with_changes(func=cst.Attribute(value=receiver, attr=cst.Name(verb)), args=args)

    def _translate_args(
        self, call: cst.Call, verb: str, from_requests: bool, line: int
    ) -> tuple[list[cst.Arg] | None, list[cst.Arg], str]:
        """Arguments for the httpx call, those that must go on the client, and the method."""
        positional = [a for a in call.args if a.keyword is None and not a.star]
        keywords = [a for a in call.args if a.keyword is not None or a.star]
        method_arg: list[cst.Arg] = []
        if verb == "request":
            if len(positional) < 2:
                return None, [], verb
            method_arg, positional = positional[:1], positional[1:]
        if not positional:
            self.ctx.todo(line, self.code, "the URL is not a positional argument: not rewritten")
            return None, [], verb
        url, extra = positional[0], positional[1:]
        names = POSITIONAL.get(verb, ())
        if len(extra) > len(names):
            self.ctx.todo(line, self.code, "too many positional arguments to translate")
            return None, [], verb
        out: list[cst.Arg] = [*method_arg, url]
        client_args: list[cst.Arg] = []
        # Keep each argument's own comma (and the line break after it).
        named = [_kw(n, a.value).with_changes(comma=a.comma) for n, a in zip(names, extra)]
        named += keywords
        has_redirect_arg = False
        has_body = False
        for arg in named:
            if arg.star or arg.keyword is None:
                out.append(arg)
                continue
            key = arg.keyword.value
            value = arg.value
            if key == "allow_redirects":
                has_redirect_arg = True
                out.append(arg.with_changes(keyword=cst.Name("follow_redirects")))
                continue
            if key == "timeout" and isinstance(value, cst.Tuple) and len(value.elements) == 2:
                connect, read = (e.value for e in value.elements)
                timeout = cst.Call(
                    func=self._httpx("Timeout"),
                    args=[cst.Arg(cst.Name("None")), _kw("connect", connect), _kw("read", read)],
                )
                out.append(arg.with_changes(value=timeout))
                continue
            if key in BODY_ARGS and m.matches(value, m.Name("None")):
                continue  # requests' default: no body
            if key == "data" and from_requests:
                raw = _is_raw_body(value)
                has_body = True
                if raw:
                    out.append(arg.with_changes(keyword=cst.Name("content")))
                    continue
                if raw is None:
                    self.ctx.todo(
                        line,
                        self.code,
                        "data= is a form in httpx; if this is raw bytes/str use content=",
                    )
            if key in BODY_ARGS:
                has_body = True
            if key == "stream":
                if not m.matches(value, m.Name("True") | m.Name("False")):
                    self.ctx.todo(
                        line,
                        self.code,
                        "stream= is not a constant: streamed responses need"
                        " `async with client.stream(...) as r` and `r.aiter_bytes()`",
                    )
                continue
            if key in CLIENT_ONLY:
                client_args.append(_kw(key, value))
                continue
            out.append(arg)
        if from_requests and verb == "head" and not has_redirect_arg:
            out = _append(out, _kw("follow_redirects", cst.Name("False")))
        if out:
            # A dropped argument must not leave the new last one without its comma style.
            out[-1] = out[-1].with_changes(comma=call.args[-1].comma)
        if verb in BODYLESS and has_body:
            # httpx's get/head/delete/options take no body: go through request().
            out.insert(0, cst.Arg(cst.SimpleString(f'"{verb.upper()}"')))
            return out, client_args, "request"
        return out, client_args, verb

    # -- response attributes ----------------------------------------------------------------

    def _response_method(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Call) or not isinstance(updated.func, cst.Attribute):
            return updated
        owner = updated.func.value
        method = updated.func.attr.value
        if not isinstance(owner, cst.Name) or owner.value not in self.functions[-1].responses:
            return updated
        if owner.value in self.functions[-1].streams:
            return self._stream_method(original, updated, owner.value, method)
        if method in STREAM_METHODS:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                f"{method}() needs a streamed response: `async with client.stream(...)` and"
                f" `async for ... in r.{STREAM_METHODS[method]}()`",
            )
        return updated

    def _stream_method(
        self, original: cst.Call, updated: cst.Call, owner: str, method: str
    ) -> cst.BaseExpression:
        line = self.ctx.line(original)
        if method == "close" and self.ctx.in_async:
            return cst.Await(
                updated.with_changes(func=cst.Attribute(cst.Name(owner), cst.Name("aclose")))
            )
        if method == "json":
            self.ctx.todo(
                line, self.code, f"a streamed response: `await {owner}.aread()` before .json()"
            )
        return updated

    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Attribute):
            return updated
        mapped = self._exception(original, updated)
        if mapped is not None:
            return mapped
        owner = updated.value
        if self._is_direct_request(original.value):
            # requests.get(...).ok: the response of a call this rule rewrote.
            return self._response_attribute(updated, updated.attr.value, direct=True)
        if not isinstance(owner, cst.Name):
            return updated
        state = self.functions[-1]
        attr = updated.attr.value
        if owner.value in state.responses:
            return self._response_attribute(
                updated, attr, direct=owner.value in state.direct_responses
            )
        return updated

    def _is_direct_request(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Call) and self.ctx.pos(node) in self.ctx.edits.http_calls

    @staticmethod
    def _response_attribute(updated: cst.Attribute, attr: str, direct: bool) -> cst.BaseExpression:
        if attr == "ok":
            return cst.Comparison(
                left=updated.with_changes(attr=cst.Name("status_code")),
                comparisons=[cst.ComparisonTarget(cst.LessThan(), cst.Integer("400"))],
            )
        if attr in RESPONSE_RENAMES:
            return updated.with_changes(attr=cst.Name(RESPONSE_RENAMES[attr]))
        if direct and attr == "url":
            return cst.Call(func=cst.Name("str"), args=[cst.Arg(updated)])
        return updated

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        frame = self.frames.pop() if self.frames else _Frame()
        if self.ctx.edits.map_exceptions == "both" and frame.client_args is None:
            doubled = self._both(updated, self.ctx.line(original))
            if doubled is not None:
                return doubled
        result: cst.SimpleStatementLine = updated
        # resp.raise_for_status(): requests raises for 4xx/5xx only, httpx for 3xx too.
        if len(updated.body) == 1 and m.matches(
            updated.body[0],
            m.Expr(m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("raise_for_status")))),
        ):
            call = updated.body[0].value  # type: ignore[attr-defined]
            owner = call.func.value.value
            if owner in self.functions[-1].responses:
                if_stmt = cst.If(
                    test=cst.Attribute(value=cst.Name(owner), attr=cst.Name("is_error")),
                    body=cst.IndentedBlock([updated.with_changes(leading_lines=[])]),
                    leading_lines=updated.leading_lines,
                )
                if frame.client_args is None:
                    return if_stmt
        if frame.client_args is not None:
            return self._with_client(frame.client_args, result)
        return result

    # -- exceptions --

    def _requests_name(self, node: cst.BaseExpression) -> str | None:
        """``requests.Timeout`` as written, or a bare name imported from requests."""
        if isinstance(node, cst.Name):
            if id(node) in self.ctx.non_references:
                return None
            return self.ctx.edits.requests_aliases.get(node.value)
        return _dotted(node)

    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        if original.value not in self.ctx.edits.requests_aliases:
            return updated
        mapped = self._exception(original, updated)
        if mapped is None:
            return updated
        target = self.ctx.edits.requests_aliases[original.value]
        module, _, obj = target.rpartition(".")
        self.ctx.maybe_remove_import(module, obj)
        return mapped

    def _exception(
        self, original: cst.Attribute | cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        if not self.ctx.edits.map_exceptions:
            return None
        if self.ctx.edits.map_exceptions == "both" and (
            self._in_except or self._in_annotation or not self._copying
        ):
            # requests is still in use elsewhere: except clauses catch both
            # forms (see _widen), and statements are doubled (see _both).
            return None
        name = self._requests_name(original)
        if name is None:
            return None
        parts = name.split(".")
        if parts[0] != "requests" or len(parts) not in (2, 3):
            return None
        if len(parts) == 3 and parts[1] != "exceptions":
            return None
        cls = parts[-1]
        if cls in TYPES and len(parts) == 2:
            self.ctx.maybe_remove_import("requests")
            return self._httpx(TYPES[cls])
        if cls in JSON_ERRORS:
            self.ctx.add_import("json")
            return cst.Attribute(value=cst.Name("json"), attr=cst.Name("JSONDecodeError"))
        mapped = EXCEPTIONS.get(cls)
        if mapped is None:
            return None
        self.ctx.maybe_remove_import("requests")
        if cls == "RequestException" and not self._in_except and not self._in_annotation:
            line = self._copy_line if self._copying else self.ctx.line(original)
            self.ctx.todo(line, self.code, REQUEST_EXCEPTION_JSON_NOTE)
        return self._httpx(mapped[0])

    _in_except = 0
    _in_annotation = 0
    _copying = False
    _copy_line = 0

    def _both(self, stmt: cst.SimpleStatementLine, line: int) -> StatementResult | None:
        """``register_error_handler(requests.Timeout, h)`` while requests is still in
        use elsewhere: keep the line and add its httpx twin below it."""
        if len(stmt.body) != 1 or not isinstance(stmt.body[0], cst.Expr):
            return None
        rule = self

        class Copy(cst.CSTTransformer):
            changed = False

            def leave_Attribute(
                self, original: cst.Attribute, updated: cst.Attribute
            ) -> cst.BaseExpression:
                rule._copying = True
                try:
                    mapped = rule._exception(original, updated)
                finally:
                    rule._copying = False
                if mapped is None:
                    return updated
                self.changed = True
                return mapped

        copier = Copy()
        self._copy_line = line
        twin = stmt.visit(copier)
        if not copier.changed or not isinstance(twin, cst.SimpleStatementLine):
            return None
        return cst.FlattenSentinel([stmt, twin.with_changes(leading_lines=[])])

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = self._dedupe(list(updated.body))
        attrs = self.ctx.edits.shared_attrs.get(self.ctx.qualname.rsplit(".", 1)[0])
        if attrs and len(self.ctx.scope) >= 2:
            body = self._attr_sessions(body, attrs)
        if self.stream_lines and len(original.body) == len(updated.body) == len(body):
            body = self._stream_blocks(original, body)
        return updated.with_changes(body=body)

    def _stream_blocks(
        self, original: cst.IndentedBlock, body: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """``resp = session.stream(...)`` and the rest of its block -> ``async with``.

        A streamed response is only readable inside its ``async with``; the
        statements after the request in the same block go inside it (as
        ``with session.get(url, stream=True)`` would have needed in requests
        to release the connection)."""
        for index, stmt in enumerate(original.body):
            line = self.ctx.line(stmt)
            if line not in self.stream_lines:
                continue
            new = body[index]
            if not (
                isinstance(new, cst.SimpleStatementLine)
                and len(new.body) == 1
                and isinstance(new.body[0], cst.Assign)
                and len(new.body[0].targets) == 1
            ):
                continue
            assign = new.body[0]
            target = assign.targets[0].target
            if not isinstance(target, cst.Name):
                continue
            rest = body[index + 1 :] or [cst.SimpleStatementLine([cst.Pass()])]
            block = cst.With(
                items=[cst.WithItem(assign.value, asname=cst.AsName(target))],
                body=cst.IndentedBlock(rest),
                asynchronous=cst.Asynchronous() if self.ctx.in_async else None,
                leading_lines=new.leading_lines,
            )
            return [*body[:index], block]
        return body

    def _dedupe(self, body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """Once requests is gone, the doubled lines of an earlier step are twins: keep one."""
        if self.ctx.edits.map_exceptions != "httpx":
            return body
        out: list[cst.BaseStatement] = []
        previous = None
        for stmt in body:
            code = cst.Module([]).code_for_node(stmt.with_changes(leading_lines=[]))
            if code == previous and f"{self.module}." in code:
                continue
            previous = code
            out.append(stmt)
        return out

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._in_annotation += 1

    def leave_Annotation(self, original: cst.Annotation, updated: cst.Annotation) -> cst.Annotation:
        self._in_annotation -= 1
        return updated

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_except += 1

    def leave_ExceptHandler(
        self, original: cst.ExceptHandler, updated: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        """Widen mapped classes where requests' class covered more than one httpx class."""
        self._in_except -= 1
        if not self.ctx.edits.map_exceptions or original.type is None or updated.type is None:
            return updated
        widened = self._widen(original.type, updated.type)
        return updated if widened is None else updated.with_changes(type=widened)

    def _widen(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        """The classes a requests class (or a tuple of them) stands for, as a tuple.

        None when one httpx class is enough (the attribute was mapped already).
        """
        both = self.ctx.edits.map_exceptions == "both"
        if isinstance(original, cst.Tuple) and isinstance(updated, cst.Tuple):
            elements: list[cst.BaseExpression] = []
            for old, new in zip(original.elements, updated.elements):
                if isinstance(old, cst.StarredElement):
                    elements.append(new.value)
                    continue
                classes = self._classes(old.value)
                if classes is not None and both:
                    classes = [new.value, *classes]
                elements.extend(classes or [new.value])
            unique = {cst.Module([]).code_for_node(e): e for e in elements}
            if list(unique) == [cst.Module([]).code_for_node(e.value) for e in updated.elements]:
                return None
            if len(unique) == 1:
                return next(iter(unique.values()))
            return updated.with_changes(elements=[cst.Element(e) for e in unique.values()])
        classes = self._classes(original)
        if classes is None:
            return None
        if both:
            classes = [updated, *classes]
        return cst.Tuple([cst.Element(c) for c in classes])

    def _classes(self, original: cst.BaseExpression) -> list[cst.BaseExpression] | None:
        name = self._requests_name(original)
        if name is None or not name.startswith("requests."):
            return None
        mapped = EXCEPTIONS.get(name.split(".")[-1])
        both = self.ctx.edits.map_exceptions == "both"
        if mapped is None or (len(mapped) < 2 and not both):
            return None
        return [self._httpx(each) for each in mapped]

    def _isinstance(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """``isinstance(exc, requests.ConnectionError)``: the same widening as in ``except``."""
        if (
            not self.ctx.edits.map_exceptions
            or not m.matches(original.func, m.Name("isinstance") | m.Name("issubclass"))
            or len(original.args) != 2
            or len(updated.args) != 2
        ):
            return updated
        widened = self._widen(original.args[1].value, updated.args[1].value)
        if widened is None:
            return updated
        return updated.with_changes(
            args=[updated.args[0], updated.args[1].with_changes(value=widened)]
        )

    # -- module-level sessions --

    uses_tls = False

    def _with_tls(self, client_args: list[cst.Arg]) -> list[cst.Arg]:
        """The shared TLS context, unless the client is given its own ``verify=``."""
        if any(a.keyword is not None and a.keyword.value == "verify" for a in client_args):
            return client_args
        self.uses_tls = True
        return _append(client_args, _kw("verify", cst.Name(TLS_CONTEXT)))

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        updated = self._sessions(updated)
        if not self.uses_tls or _defines(updated, TLS_CONTEXT):
            return updated
        body: list[cst.BaseStatement] = list(updated.body)
        position = after_imports(body)
        context = cst.parse_statement(f"{TLS_CONTEXT} = {self.module}.create_ssl_context()")
        comment = [
            "# One TLS context for every client made here: httpx would load the CA",
            "# bundle again for each one (~15 ms), and under Flask a client lives one request.",
        ]
        context = context.with_changes(
            leading_lines=[
                cst.EmptyLine(),
                *(cst.EmptyLine(comment=cst.Comment(c)) for c in comment),
            ]
        )
        rest = body[position:]
        first = rest[0] if rest else None
        if isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement):
            if len(first.leading_lines) < 2:
                rest[0] = first.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
        return updated.with_changes(body=[*body[:position], context, *rest])

    needs_helper = False

    def _sessions(self, updated: cst.Module) -> cst.Module:
        updated = updated.with_changes(body=self._dedupe(list(updated.body)))
        shared = self.ctx.edits.shared_clients
        if not shared and not self.needs_helper:
            return updated
        body = list(updated.body)
        new_body: list[cst.BaseStatement] = []
        emitted_helper = False
        moved: dict[str, list[cst.BaseStatement]] = {name: [] for name in shared}
        creations: dict[str, int] = {}
        for stmt in body:
            target = _session_creation(stmt, shared)
            if target is not None:
                creations[target] = len(new_body)
                new_body.append(stmt)
                continue
            owner = _config_owner(stmt, shared)
            if owner is not None and owner in creations:
                moved[owner].append(stmt)
                continue
            new_body.append(stmt)
        for name, index in sorted(creations.items(), key=lambda kv: -kv[1]):
            creation = new_body[index]
            replacement = self._factory(name, shared[name], creation, moved[name])
            if not emitted_helper:
                replacement = [*_helper_class(self.module), *replacement]
                emitted_helper = True
            new_body[index : index + 1] = replacement
        if self.needs_helper and not emitted_helper:
            # Only sessions held by instances: the helper goes before the first class.
            first = next(
                (
                    i
                    for i, s in enumerate(new_body)
                    if isinstance(s, cst.ClassDef | cst.FunctionDef)
                ),
                len(new_body),
            )
            new_body[first:first] = _helper_class(self.module)
            emitted_helper = True
        if emitted_helper:
            self.ctx.add_import(self.module)
            for module in ("asyncio", "threading", "weakref"):
                self.ctx.add_import(module)
            self.ctx.add_import("collections.abc", "Callable")
            self.ctx.add_import("typing", "Any")
            self.ctx.maybe_remove_import("requests")
        return updated.with_changes(body=new_body)

    def _factory(
        self, name: str, kind: str, creation: cst.BaseStatement, config: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        assert isinstance(creation, cst.SimpleStatementLine)
        assign = creation.body[0]
        assert isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call)
        if kind == "requests.Session":
            client_args = [
                _kw("follow_redirects", cst.Name("True")),
                _kw("timeout", cst.Name("None")),
            ]
            why = "# requests follows redirects and never times out by default; httpx does neither."
        else:
            client_args = list(assign.value.args)
            why = "# The same settings as the sync client it replaces."
        factory_name = f"_new_{name.lstrip('_')}"
        make = cst.parse_statement(f"{name} = {self.module}.AsyncClient()")
        assert isinstance(make, cst.SimpleStatementLine)
        make_assign = make.body[0]
        assert isinstance(make_assign, cst.Assign) and isinstance(make_assign.value, cst.Call)
        make = make.with_changes(leading_lines=[cst.EmptyLine(comment=cst.Comment(why))])
        body: list[cst.BaseStatement] = self._config_body(name, config, client_args)
        client_args = self._with_tls(client_args)
        make = make.with_changes(
            body=[make_assign.with_changes(value=make_assign.value.with_changes(args=client_args))]
        )
        body.insert(0, make)
        factory = cst.FunctionDef(
            name=cst.Name(factory_name),
            params=cst.Parameters(),
            body=cst.IndentedBlock(body),
            returns=cst.Annotation(cst.parse_expression(f"{self.module}.AsyncClient")),
            leading_lines=[
                # A top-level def opens with two blank lines; the comments
                # above the session stay with it.
                cst.EmptyLine(),
                cst.EmptyLine(),
                *(line for line in creation.leading_lines if line.comment is not None),
                cst.EmptyLine(
                    comment=cst.Comment(
                        f"# migrate: `{name}` was a {kind}; it is now one {self.module}.AsyncClient"
                        " per event loop (docs/client-lifetime.md)."
                    )
                ),
            ],
        )
        proxy = cst.parse_statement(f"{name} = _AsyncClientPerLoop({factory_name})")
        self.ctx.note(
            self.code, self.ctx.line(creation), f"{name}: {kind} -> AsyncClient per event loop"
        )
        spacer = cst.EmptyLine()
        return [factory, proxy.with_changes(leading_lines=[spacer, spacer])]

    def _attr_sessions(
        self, body: list[cst.BaseStatement], attrs: dict[str, str]
    ) -> list[cst.BaseStatement]:
        """``self.session = requests.Session()`` (and the lines that configure it)
        in a method -> one AsyncClient per event loop, like a module-level session."""
        out: list[cst.BaseStatement] = []
        index = 0
        while index < len(body):
            stmt = body[index]
            attr = _self_attr_creation(stmt, attrs)
            if attr is None:
                out.append(stmt)
                index += 1
                continue
            config: list[cst.BaseStatement] = []
            index += 1
            while index < len(body) and _self_attr_config(body[index], attr):
                config.append(_rename_self_attr(body[index], attr))
                index += 1
            out.extend(self._attr_factory(attr, attrs[attr], stmt, config))
        return out

    def _attr_factory(
        self, attr: str, kind: str, creation: cst.BaseStatement, config: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        assert isinstance(creation, cst.SimpleStatementLine)
        assign = creation.body[0]
        assert isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call)
        client_args = (
            _requests_defaults() if kind == "requests.Session" else list(assign.value.args)
        )
        body = self._config_body(attr, config, client_args)
        client_args = self._with_tls(client_args)
        make = cst.parse_statement(f"{attr} = {self.module}.AsyncClient()")
        assert isinstance(make, cst.SimpleStatementLine) and isinstance(make.body[0], cst.Assign)
        call = make.body[0].value
        assert isinstance(call, cst.Call)
        make = make.with_changes(
            body=[make.body[0].with_changes(value=call.with_changes(args=client_args))]
        )
        factory_name = f"_new_{attr.lstrip('_')}"
        factory = cst.FunctionDef(
            name=cst.Name(factory_name),
            params=cst.Parameters(),
            body=cst.IndentedBlock([make, *body]),
            returns=cst.Annotation(cst.parse_expression(f"{self.module}.AsyncClient")),
            leading_lines=[
                *(creation.leading_lines or [cst.EmptyLine(indent=False)]),
                cst.EmptyLine(
                    comment=cst.Comment(
                        f"# migrate: self.{attr} was a {kind}; it is now one"
                        f" {self.module}.AsyncClient per event loop (docs/client-lifetime.md)."
                    )
                ),
            ],
        )
        proxy = cst.parse_statement(f"self.{attr} = _AsyncClientPerLoop({factory_name})")
        proxy = proxy.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        self.needs_helper = True
        self.ctx.note(
            self.code, self.ctx.line(creation), f"self.{attr}: {kind} -> AsyncClient per event loop"
        )
        return [factory, proxy]

    def _config_body(
        self, name: str, config: list[cst.BaseStatement], client_args: list[cst.Arg]
    ) -> list[cst.BaseStatement]:
        """The session's configuration, as statements of the factory.

        ``session.verify = x`` / ``session.cert = x`` become arguments of the
        client (httpx reads them only when the client is made). What has no
        httpx twin (``mount``, hooks, proxies) is kept as a comment under a
        TODO: left as code it would raise AttributeError on the first request.
        """
        body: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []
        for stmt in config:
            assert isinstance(stmt, cst.SimpleStatementLine)
            small = stmt.body[0]
            if m.matches(
                small,
                m.Assign(
                    targets=[
                        m.AssignTarget(
                            m.Attribute(m.Name(name), attr=m.Name("verify") | m.Name("cert"))
                        )
                    ]
                ),
            ):
                assert isinstance(small, cst.Assign)
                attr = cst.ensure_type(small.targets[0].target, cst.Attribute).attr.value
                client_args[:] = _append(client_args, _kw(attr, small.value))
                continue
            code = cst.Module([]).code_for_node(stmt.with_changes(leading_lines=[]))
            why = next(
                (
                    why
                    for attr, why in SESSION_CONFIG_UNPORTABLE.items()
                    if f"{name}.{attr}" in code
                ),
                None,
            )
            if why is None:
                body.append(stmt.with_changes(leading_lines=[*pending, *stmt.leading_lines]))
                pending = []
                continue
            self.ctx.note(self.code, self.ctx.line(stmt), why)
            pending += [
                *stmt.leading_lines,
                cst.EmptyLine(comment=cst.Comment(f"# TODO(migrate): {self.code}: {why}")),
                *(
                    cst.EmptyLine(comment=cst.Comment(f"# {line}"))
                    for line in code.rstrip().splitlines()
                ),
            ]
            for module, obj in UNPORTABLE_IMPORTS:
                self.ctx.maybe_remove_import(module, obj)
        ret = cst.parse_statement(f"return {name}")
        body.append(ret.with_changes(leading_lines=pending))
        return body


def _self_attr_creation(stmt: cst.BaseStatement, attrs: dict[str, str]) -> str | None:
    """``self.session = requests.Session()`` -> "session" when it is converted."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    assign = stmt.body[0]
    if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
        return None
    target = assign.targets[0].target
    if (
        m.matches(target, m.Attribute(value=m.Name("self")))
        and isinstance(target, cst.Attribute)
        and target.attr.value in attrs
        and isinstance(assign.value, cst.Call)
    ):
        return target.attr.value
    return None


def _self_attr_config(stmt: cst.BaseStatement, attr: str) -> bool:
    """``self.session.headers.update(...)`` and the like."""
    code = cst.Module([]).code_for_node(stmt).strip()
    return isinstance(stmt, cst.SimpleStatementLine) and code.startswith(f"self.{attr}.")


def _rename_self_attr(stmt: cst.BaseStatement, attr: str) -> cst.BaseStatement:
    class Rename(cst.CSTTransformer):
        def leave_Attribute(
            self, original: cst.Attribute, updated: cst.Attribute
        ) -> cst.BaseExpression:
            if m.matches(updated, m.Attribute(value=m.Name("self"), attr=m.Name(attr))):
                return cst.Name(attr)
            return updated

    renamed = stmt.visit(Rename())
    assert isinstance(renamed, cst.SimpleStatementLine)
    return renamed


def _defines(module: cst.Module, name: str) -> bool:
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign) and any(
                    isinstance(t.target, cst.Name) and t.target.value == name for t in small.targets
                ):
                    return True
    return False


def _session_creation(stmt: cst.BaseStatement, shared: dict[str, str]) -> str | None:
    """``session = requests.Session()`` at module level -> "session"."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    assign = stmt.body[0]
    if (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and assign.targets[0].target.value in shared
        and isinstance(assign.value, cst.Call)
    ):
        return assign.targets[0].target.value
    if (
        isinstance(assign, cst.AnnAssign)
        and isinstance(assign.target, cst.Name)
        and assign.target.value in shared
        and isinstance(assign.value, cst.Call)
    ):
        return assign.target.value
    return None


def _config_owner(stmt: cst.BaseStatement, shared: dict[str, str]) -> str | None:
    """``session.headers.update(...)`` / ``session.auth = ...`` -> "session"."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    root: cst.BaseExpression | None = None
    if isinstance(small, cst.Expr):
        root = small.value
    elif isinstance(small, cst.Assign) and len(small.targets) == 1:
        root = small.targets[0].target
    elif isinstance(small, cst.AugAssign):
        root = small.target
    while isinstance(root, cst.Call | cst.Attribute | cst.Subscript):
        root = root.func if isinstance(root, cst.Call) else root.value
    if isinstance(root, cst.Name) and root.value in shared:
        return root.value
    return None


HELPER_CLASS = '''

class _AsyncClientPerLoop:
    """One {module}.AsyncClient per running event loop, made by ``factory``.

    Flask runs every async view on a new event loop, and a client must not be
    used on a loop other than its own. Each loop gets its own client, reused by
    every request made on that loop and closed on it when the loop's runner
    (asyncio.run, asgiref's async_to_sync) cancels what is left at shutdown.
    Written by migrate; needs only the standard library and {module}.
    """

    def __init__(self, factory: Callable[[], {module}.AsyncClient]) -> None:
        self._factory = factory
        self._clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, {module}.AsyncClient
        ] = weakref.WeakKeyDictionary()
        self._closers: set[asyncio.Task[None]] = set()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client(), name)

    def _client(self) -> {module}.AsyncClient:
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._clients.get(loop)
            if client is None:
                client = self._clients[loop] = self._factory()
                closer = loop.create_task(self._close_at_shutdown(client))
                self._closers.add(closer)
                closer.add_done_callback(self._closers.discard)
        return client

    @staticmethod
    async def _close_at_shutdown(client: {module}.AsyncClient) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            await client.aclose()
'''


def _helper_class(module: str) -> list[cst.BaseStatement]:
    parsed = cst.parse_module(HELPER_CLASS.format(module=module))
    body = list(parsed.body)
    return [body[0].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()]), *body[1:]]
