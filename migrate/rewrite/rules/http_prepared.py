"""MIG001, requests built by hand: ``session.prepare_request(requests.Request(...))``
-> ``client.build_request(...)``, and ``session.send(prepared, timeout=t)`` ->
``await client.send(prepared)`` with ``timeout=t`` given where it is built
(httpx's send takes no timeout). Which flows are carried is the analysis'
(analyse/prepared.py); the arguments are translated as a request's are. A
request built and never sent (to see that it can be) gets a TODO: requests
checks its URL when it prepares it, httpx only when it sends.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
import libcst.matchers as m

from ...analyse.catalogue import REQUEST_PARAMS
from ..context import RuleContext
from ..nodes import append_arg, is_keyword, keyword_arg
from .base import on_visit
from .http_common import HttpRuleBase

# How a request's arguments are translated: (httpx's arguments or None, ...).
Translate = Callable[[cst.Call, str, bool, int, object], tuple[list[cst.Arg] | None, object, str]]


class PreparedRewrites(HttpRuleBase):
    """The part of MIG001 that carries prepared requests (see the module docstring)."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        # Where each request is built -> the timeout its send gives (as written),
        # and the session it is built by.
        self.prepared_timeouts: dict[object, cst.BaseExpression] = {}
        self.prepared_sessions: dict[object, cst.BaseExpression] = {}

    @on_visit(cst.FunctionDef)
    def visit_prepared_function(self, function: cst.FunctionDef) -> None:
        if not self.ctx.edits.prepared_builds:
            return  # every file the rule rewrites comes here: most build no request
        for found in m.findall(function.body, m.Call(func=m.Attribute())):
            call = cst.ensure_type(found, cst.Call)
            pos = self.ctx.pos(call) or (0, 0, 0, 0)
            if pos in self.ctx.edits.prepared_builds:
                self.prepared_sessions[pos] = cst.ensure_type(call.func, cst.Attribute).value
            built = self.ctx.edits.prepared_sends.get(pos)
            timeout = next((a.value for a in call.args if is_keyword(a, "timeout")), None)
            if built is not None and timeout is not None:
                self.prepared_timeouts[built] = timeout

    def _prepared(
        self, original: cst.Call, updated: cst.BaseExpression, translate: Translate
    ) -> cst.BaseExpression | None:
        """``session.prepare_request(requests.Request(m, u, ...))`` ->
        ``session.build_request(m, u, ..., timeout=...)``; ``requests.Request(m, u, ...)``
        on the statement before ``session.prepare_request(request)`` ->
        ``session.build_request(m, u, ...)``, and that call -> ``request``. None for
        other calls."""
        pos = self.ctx.pos(original) or (0, 0, 0, 0)
        edits = self.ctx.edits
        if pos not in edits.prepared_builds | edits.prepared_named.keys():
            return None
        if not isinstance(updated, cst.Call):
            return updated
        if (build := self.ctx.edits.prepared_named.get(pos)) is not None:
            session = self.prepared_sessions.get(build)
            if session is None:
                return updated
            return self._build_request(original, updated, session, build, translate)
        built = updated.args[0].value
        if isinstance(built, cst.Name):
            return built  # built on the statement before
        if not isinstance(updated.func, cst.Attribute) or not isinstance(built, cst.Call):
            return updated
        return self._build_request(original, built, updated.func.value, pos, translate)

    def _build_request(
        self,
        original: cst.Call,
        built: cst.Call,
        session: cst.BaseExpression,
        build: object,
        translate: Translate,
    ) -> cst.BaseExpression:
        """``session.build_request(...)`` given ``built``'s (a requests.Request's)
        arguments and the timeout the send of what ``build`` builds gives."""
        positional = [a for a in built.args if a.keyword is None]
        named = [
            keyword_arg(name, a.value).with_changes(comma=a.comma) if index > 1 else a
            for index, (name, a) in enumerate(zip(REQUEST_PARAMS, positional))
        ]
        keywords = [a for a in built.args if a.keyword is not None]
        line = self.ctx.line(original)
        request = built.with_changes(args=[*named, *keywords])
        out, _, _ = translate(request, "request", True, line, self.ctx.pos(original))
        if out is None:
            return original
        timeout = self.prepared_timeouts.get(build)
        if timeout is not None:
            out = append_arg(out, keyword_arg("timeout", timeout))
        if build not in self.ctx.edits.prepared_sends.values():
            # Built only to see that it can be: requests checks the URL then, httpx
            # when the request is sent.
            self.ctx.todo(
                line,
                self.code,
                "httpx checks the URL only when it sends",
                "requests' prepare_request raised InvalidURL/MissingSchema for a URL no"
                " request can be made of; build_request takes it: check it another way",
            )
        self.ctx.maybe_remove_import("requests")
        self.ctx.note(self.code, line, "Session.prepare_request -> AsyncClient.build_request")
        return cst.Call(cst.Attribute(session, cst.Name("build_request")), out)

    def _prepared_send(self, pos: object, args: list[cst.Arg]) -> list[cst.Arg]:
        """A send's arguments once its timeout is given where the request is built."""
        if pos not in self.ctx.edits.prepared_sends:
            return args
        kept = [a for a in args if not is_keyword(a, "timeout")]
        if kept and len(kept) < len(args):
            kept[-1] = kept[-1].with_changes(comma=args[-1].comma)
        return kept
