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
* responses: ``.ok`` -> ``not .is_error``, ``.reason`` ->
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

What cannot be carried gets a ``# TODO(migrate MIG001): ...`` and a line in
the summary. The rule is one class in parts: this module (calls, responses, one-off
clients), ``http_responses`` (responses, handed ones too), ``http_exceptions`` (with
``http_error_messages``), ``http_annotations``, ``http_kwargs``, ``http_sessions``,
``http_setup`` (what configures a session), ``http_params`` (its params changed),
``http_transport`` (adapters as httpx transports), ``http_streams`` (with
``stream_escapes``), ``http_subclasses`` (``requests.Session`` subclasses),
``http_prepared``, ``http_lookups``, ``response_closings`` and ``http_auth``.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..context import RuleContext
from ..nodes import append_arg, is_keyword, keyword_arg
from .base import StatementResult, on_leave, on_visit
from .http_common import (
    Frame,
    FunctionState,
    in_client,
    is_raw_body,
    one_off_cookies,
    requests_defaults,
)
from .http_kwargs import KwargsRewrites
from .http_lookups import RequestLookups
from .http_one_off_lookups import OneOffLookups
from .http_prepared import PreparedRewrites
from .http_query import may_have_query, url_given, with_query
from .http_reexports import ReexportRewrites
from .http_responses import ResponseRewrites, held_name
from .http_streams import ONE_SHOT_CLIENT, StreamRewrites
from .http_subclasses import SubclassRewrites
from .http_values import ValueRewrites
from .response_closings import ResponseClosings

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


class HttpClient(
    ReexportRewrites,
    KwargsRewrites,
    SubclassRewrites,
    StreamRewrites,
    ValueRewrites,
    OneOffLookups,
    RequestLookups,
    ResponseClosings,
    ResponseRewrites,
    PreparedRewrites,
):
    """MIG001: see the module docstring."""

    code = "MIG001"
    name = "http-client"
    summary = "requests / sync httpx -> httpx.AsyncClient, keeping requests' behaviour"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.frames: list[Frame] = []
        self.functions: list[FunctionState] = [FunctionState()]
        self.elifs: set[int] = set()
        self.module = ctx.options.http_module
        self.with_items: set[int] = set()
        # Clients made in a function that closes them (``session.close()``), and
        # the name of each other one made and assigned (both by the call's position).
        self.closed_clients: set[object] = set()
        self.client_names: dict[object, str] = {}
        self.kwargs_dicts: set[int] = set()
        self.plain_kwargs: set[tuple[object, str]] = set()

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        state = FunctionState()
        self._handed_responses(node, state)
        for call in m.findall(node.body, m.Call(m.Attribute(m.Name(), m.Name("close")), args=[])):
            func = cst.ensure_type(cst.ensure_type(call, cst.Call).func, cst.Attribute)
            state.closed.add(cst.ensure_type(func.value, cst.Name).value)
        state.closed |= self._aclosed(node)
        self.functions.append(state)
        self._find_kwargs_dicts(node)

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        updated = self.made_response_returns(original, updated)
        self.functions.pop()
        return self._decorators(original, self._client_factory(updated))

    @on_visit(cst.SimpleStatementLine)
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.frames.append(Frame())

    @on_visit(cst.If, cst.While, cst.For, cst.Match)
    def visit_compound(self, node: cst.If | cst.While | cst.For | cst.Match) -> None:
        # A one-off request in the header (``while requests.get(...).ok:``, a
        # ``match`` subject) gets a client around the whole statement; an
        # ``elif`` shares the frame of its ``if`` (a ``with`` cannot stand
        # between them).
        if isinstance(node, cst.If) and isinstance(node.orelse, cst.If):
            self.elifs.add(id(node.orelse))
        self._note_conditional_setup(node)
        if id(node) not in self.elifs:
            self.frames.append(Frame())

    @on_leave(cst.If, cst.While, cst.For, cst.Match)
    def leave_compound(
        self, original: cst.If | cst.While | cst.For | cst.Match, updated: cst.BaseStatement
    ) -> cst.BaseStatement:
        if id(original) in self.elifs:
            return updated
        frame = self.frames.pop()
        if frame.client_args is None:
            return updated
        return self._with_client(frame.client_args, updated)

    def _with_client(self, client_args: list[cst.Arg], stmt: cst.BaseStatement) -> cst.With:
        client = cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_args))
        return in_client(client, [stmt], self.ctx.in_async)

    @on_leave(cst.With)
    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        entered = [self.ctx.pos(self.ctx.entered(item)) for item in original.items]
        streamed = any(pos in self.stream_calls for pos in entered)
        # Clients made here, or by a session factory that moved (see plan/factories.py).
        clients = self.ctx.edits.client_constructors.keys() | self.ctx.edits.factory_locals
        made = any(pos in clients for pos in entered)
        if made:
            updated = self._with_session(original, updated)
        if streamed:
            updated = self._with_stream_clients(original, updated)
        if (streamed or made) and self.ctx.in_async:
            for item, pos in zip(original.items, entered):
                if pos in self.stream_calls or pos in clients:
                    self.ctx.entered_async(item)
            return updated.with_changes(asynchronous=cst.Asynchronous())
        return updated

    def _constructor(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """``requests.Session()`` / ``httpx.Client(...)`` in async code -> an AsyncClient."""
        kind = self.ctx.edits.client_constructors[self.ctx.pos(original) or (0, 0, 0, 0)]
        args = requests_defaults() if kind.startswith("requests") else list(updated.args)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, self.ctx.line(original), f"{kind}() -> AsyncClient")
        self._close_todo(original)
        return cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(args))

    @on_visit(cst.With)
    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            self.with_items.add(id(self.ctx.entered(item)))
        self._visit_with_streams(node)

    @on_visit(cst.Assign, cst.AnnAssign)
    def visit_Assign(self, node: cst.Assign | cst.AnnAssign) -> None:
        """Remember which local names hold responses, for attribute fixes."""
        value = node.value
        if not isinstance(value, cst.Call):
            return
        targets = (
            [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
        )
        names = {target.value for target in targets if isinstance(target, cst.Name)}
        if self._streamed(value) and self.ctx.pos(value) in self.ctx.edits.http_calls:
            for name in names:
                self.functions[-1].streams.add(name)
                self.functions[-1].responses.add(name)
                self.stream_lines.add(self.ctx.line(node))
        pos = self.ctx.pos(value)
        if pos in self.ctx.edits.client_constructors or pos in self.ctx.edits.factory_locals:
            self.functions[-1].clients |= names
            if names & self.functions[-1].closed:
                self.closed_clients.add(pos)
            elif len(names) == 1:
                self.client_names[pos] = next(iter(names))
        edit = self.ctx.edits.http_calls.get(pos) if pos is not None else None
        if edit is not None and edit.entry.name.startswith("httpx"):
            return  # httpx's response already (a sync client's): nothing of requests' to fix
        direct = edit is not None
        # Results of awaited or bridged calls of migrated functions can be responses too;
        # what sync_to_async offloads is sync code (requests' responses, if any).
        bridge = self.ctx.edits.bridges.get(pos) if pos is not None else None
        into_async = bridge is not None and bridge.kind != "sync_to_async"
        if not direct and pos not in self.ctx.edits.awaits and not into_async:
            return
        if not direct and pos not in self.ctx.edits.response_results:
            return  # a migrated function's result, but no response (``refund.reason``)
        self.functions[-1].responses |= names
        self.functions[-1].direct_responses |= names if direct else set()

    # -- calls ----------------------------------------------------------------------------

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        pos = self.ctx.pos(original) or (0, 0, 0, 0)
        if pos in self.ctx.edits.client_constructors and isinstance(updated, cst.Call):
            return self._constructor(original, updated)
        if isinstance(updated, cst.Call) and (made := self._factory_call(original, updated)):
            return made
        if pos in self.ctx.edits.factory_locals and self.ctx.in_async:
            self._close_todo(original)  # a moved session factory's client, kept in a local
            return updated
        if pos in self.ctx.edits.unwrapped_closings and isinstance(updated, cst.Call):
            return self._unwrapped_closing(updated)
        if (prepared := self._prepared(original, updated, self._translate_args)) is not None:
            return prepared
        if pos in self.ctx.edits.looked_up_calls:
            return self._looked_up_call(original, updated, pos)
        edit = self.ctx.edits.http_calls.get(pos)
        if edit is None or not isinstance(updated, cst.Call):
            if isinstance(updated, cst.Call):
                updated = self._raised(original, self._isinstance(original, updated))
            return self._response_method(original, updated)
        line = self.ctx.line(original)
        entry = edit.entry
        verb = entry.name.rsplit(".", 1)[-1]
        if verb == "close" and isinstance(updated.func, cst.Attribute):
            # A session's close(): the AsyncClient's aclose().
            self.ctx.maybe_remove_import("requests")
            closed = updated.with_changes(func=updated.func.with_changes(attr=cst.Name("aclose")))
            return cst.Await(expression=closed) if self.ctx.in_async else closed
        from_requests = entry.name.startswith("requests")
        args, client_args, method = self._translate_args(updated, verb, from_requests, line, pos)
        if args is None:
            return updated
        args = self._prepared_send(pos, args)
        if edit.on_shared_client or "Client" in entry.name or "Session" in entry.name:
            receiver = updated.func.value if isinstance(updated.func, cst.Attribute) else None
            if receiver is None:
                return updated
            self._client_only_todos(client_args, line, pos)
            if self._streamed(original) or verb == "stream":
                return self._stream_call(original, updated, receiver, method, args, line)
            new_call = self._method_call(updated, receiver, method, args)
        else:
            # A one-off call: a client for this statement only.
            client_kwargs = requests_defaults() if from_requests else []
            client_kwargs += self._one_off_client_args(client_args, line) + one_off_cookies(args)
            if (self._streamed(original) or verb == "stream") and self._streamed_one_off(original):
                client = cst.Call(self._httpx("AsyncClient"), self._with_tls(client_kwargs))
                return self._one_off_stream(original, updated, client, method, args, line)
            if not self.frames:
                self.ctx.todo(line, self.code, "one-off request outside a statement: not rewritten")
                return updated
            frame = self.frames[-1]
            if pos in self.ctx.edits.gathered:
                # The call moves into a gather: one client for the whole fan-out.
                self.ctx.fan_out_clients[pos] = cst.WithItem(
                    cst.Call(func=self._httpx("AsyncClient"), args=self._with_tls(client_kwargs)),
                    asname=cst.AsName(cst.Name(ONE_SHOT_CLIENT)),
                )
            else:
                frame.client_args = client_kwargs
            args = [a for a in args if not is_keyword(a, "cookies")]
            if args:
                args[-1] = args[-1].with_changes(comma=updated.args[-1].comma)
            new_call = self._method_call(updated, cst.Name(ONE_SHOT_CLIENT), method, args)
            if isinstance(updated.func, cst.Name):
                # ``from requests import get``: the import goes once nothing uses it.
                imported = self.ctx.edits.requests_aliases.get(updated.func.value, "")
                module, _, obj = imported.rpartition(".")
                if module.startswith("requests"):
                    self.ctx.maybe_remove_import(module, obj)
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, f"{entry.name} -> {self.module}.AsyncClient.{verb}")
        if self.ctx.in_async:
            return cst.Await(expression=new_call)
        return new_call

    def _translate_args(
        self, call: cst.Call, verb: str, from_requests: bool, line: int, pos: object = None
    ) -> tuple[list[cst.Arg] | None, list[cst.Arg], str]:
        """Arguments for the httpx call, those that must go on the client, and the method."""
        positional = [a for a in call.args if a.keyword is None and not a.star]
        keywords = [a for a in call.args if a.keyword is not None or a.star]
        # httpx names the method and the URL as requests does: given by name (or in
        # ``**kwargs``), they pass through with the other keywords.
        firsts = ("method", "url") if verb in ("request", "stream") else ("url",)
        for name in firsts[len(positional) :]:
            if not any(is_keyword(a, name) or a.star == "**" for a in keywords):
                self.ctx.todo(line, self.code, f"no {name} given: not rewritten")
                return None, [], verb
        out, extra = positional[: len(firsts)], positional[len(firsts) :]
        names = POSITIONAL.get(verb, ())
        if len(extra) > len(names):
            self.ctx.todo(line, self.code, "too many positional arguments to translate")
            return None, [], verb
        client_args: list[cst.Arg] = []
        # Keep each argument's own comma (and the line break after it).
        named = [keyword_arg(n, a.value).with_changes(comma=a.comma) for n, a in zip(names, extra)]
        named = self._requests_view_args(call, [*named, *keywords])
        has_redirect_arg = False
        has_body = False
        for arg in named:
            if arg.star == "**" and from_requests:
                out.append(self._star_kwargs(arg, pos, line))
                continue
            if arg.star or arg.keyword is None:
                out.append(arg)
                continue
            key = arg.keyword.value
            given = arg.value
            url = url_given(call, firsts) if key == "params" and from_requests else None
            if url is not None and may_have_query(url) and not m.matches(arg.value, m.Name("None")):
                value: cst.BaseExpression | None = with_query(self.ctx, url, arg.value)
            else:
                value = self._requests_value(key, arg.value, from_requests, key in BODY_ARGS)
            if value is None:
                continue  # requests' default (the session's, or no body)
            arg = arg.with_changes(value=value)
            if key == "allow_redirects":
                has_redirect_arg = True
                out.append(arg.with_changes(keyword=cst.Name("follow_redirects")))
                continue
            if key == "data" and from_requests:
                raw = is_raw_body(value)
                has_body = True
                if raw:
                    out.append(arg.with_changes(keyword=cst.Name("content")))
                    continue
                if raw is None or isinstance(given, cst.List | cst.Tuple):
                    # A form (a dict, or pairs that may repeat a key), raw bytes or
                    # text, a file or chunks: the keyword httpx takes it by, at run time.
                    if isinstance(given, cst.GeneratorExp):
                        given = given.with_changes(lpar=[], rpar=[])  # its call's parentheses
                    body = cst.Call(
                        cst.Name(self.ctx.use_helper("requests_body")), [cst.Arg(given)]
                    )
                    out.append(cst.Arg(body, star="**", comma=arg.comma))
                    continue
            if key in BODY_ARGS:
                has_body = True
            if key == "stream":
                if not m.matches(value, m.Name("True") | m.Name("False")):
                    self.ctx.todo(
                        line,
                        self.code,
                        "stream= is not a constant: use `async with client.stream(...)`",
                        "streamed responses need `async with client.stream(...) as r`"
                        " and `r.aiter_bytes()`",
                    )
                continue
            if key in CLIENT_ONLY:
                client_args.append(keyword_arg(key, value))
                continue
            out.append(arg)
        if from_requests and verb == "head" and not has_redirect_arg:
            out = append_arg(out, keyword_arg("follow_redirects", cst.Name("False")))
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
        if not isinstance(owner, cst.Name):
            return updated
        if owner.value in self.functions[-1].clients and method == "close" and self.ctx.in_async:
            # An AsyncClient has no close(): aclose() is a coroutine.
            return cst.Await(
                updated.with_changes(func=updated.func.with_changes(attr=cst.Name("aclose")))
            )
        state = self.functions[-1]
        if owner.value in state.streams | state.native_streams:
            return self._stream_method(original, updated, owner.value, method)
        if owner.value not in state.responses:
            return updated
        return self._read_body_method(original, updated, owner)

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if not isinstance(updated, cst.Attribute):
            return updated
        mapped = self._exception(original, updated) or self._error_response(updated)
        if mapped is not None:
            return mapped
        return self._response_attributes(original, updated)

    @on_leave(cst.SimpleStatementLine)
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        frame = self.frames.pop() if self.frames else Frame()
        loop = self._stream_yield_from(original, updated)
        if loop is not None:
            return loop
        if self.ctx.edits.map_exceptions == "both" and frame.client_args is None:
            doubled = self._both(updated, self.ctx.line(original))
            if doubled is not None:
                return doubled
        if frame.client_args is None:
            registered = self._registrations(original, updated)
            if registered is not None:
                return registered
        result: cst.SimpleStatementLine = updated
        # resp.raise_for_status(): requests raises for 4xx/5xx only, httpx for 3xx too.
        held = m.Name() | m.Attribute(value=m.Name("self"), attr=m.Name())  # r, self.response
        if len(updated.body) == 1 and m.matches(
            updated.body[0],
            m.Expr(m.Call(func=m.Attribute(value=held, attr=m.Name("raise_for_status")))),
        ):
            call = updated.body[0].value  # type: ignore[attr-defined]
            owner = held_name(call.func.value)
            state = self.functions[-1]
            if owner in state.responses or owner in state.either_responses:
                if_stmt = cst.If(
                    test=self._is_error(owner),
                    body=cst.IndentedBlock([updated.with_changes(leading_lines=[])]),
                    leading_lines=updated.leading_lines,
                )
                if frame.client_args is None:
                    return if_stmt
        if frame.client_args is not None:
            return self._with_client(frame.client_args, result)
        return result

    @on_leave(cst.IndentedBlock)
    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = self._dedupe(list(updated.body))
        attrs = self.ctx.edits.shared_attrs.get(self.ctx.qualname.rsplit(".", 1)[0])
        if attrs and len(self.ctx.scope) >= 2:
            body = self._attr_sessions(body, attrs)
        if self.stream_lines and len(original.body) == len(updated.body) == len(body):
            body = self._stream_blocks(original, body)
        body = self.late_blocks(self._assigned_sessions(original, body), attrs or {})
        if id(original) in self.conditional_blocks:  # see session_conditions
            return updated.with_changes(body=body)
        return self._late_setup(updated, body, attrs or {})

    @on_leave(cst.Module)
    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        updated = updated.with_changes(body=self._dedupe(list(updated.body)))
        return self._finish_module(self._reexports(updated))
