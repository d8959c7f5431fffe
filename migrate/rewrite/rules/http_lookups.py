"""A client's verb looked up by name and called with a body: through ``request``.

``getattr(session, method)(url, data=body)`` calls requests' ``get`` as well
as its ``post``, and each takes a body; httpx's ``get``, ``head`` and
``options`` take none (a TypeError). Where the analysis saw the verb called
with a body (analyse/values.py BODY_KEYWORDS), the lookup goes through the
client's ``request``, which takes every verb and a body with any:
``session.request(method, url, data=body)``, and for a verb kept in a local
that is only called, ``fn = functools.partial(session.request, method)``.
Every call of such a verb (``fn(url, files=files)``) takes its arguments as
httpx's verbs do, as a verb called by name would (see http_client).
"""

from __future__ import annotations

import libcst as cst

from .base import on_leave, on_visit
from .http_setup import SessionSetup


class RequestLookups(SessionSetup):
    """``getattr(session, method)`` whose verb gets a body -> ``session.request``."""

    # Those lookups called where they are made (ids of the original calls).
    called_lookups: set[int]

    @on_visit(cst.Module)
    def visit_lookups_module(self, node: cst.Module) -> None:
        self.called_lookups = set()

    @on_visit(cst.Call)
    def visit_called_lookup(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Call) and self._looked_up(node.func):
            self.called_lookups.add(id(node.func))

    @on_leave(cst.Call)
    def leave_request_lookup(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        call = updated.expression if isinstance(updated, cst.Await) else updated
        if not isinstance(call, cst.Call):
            return updated
        if isinstance(original.func, cst.Call) and self._looked_up(original.func):
            # ``getattr(session, method)(url, ...)`` -> ``session.request(method, url, ...)``.
            lookup = call.func
            if not isinstance(lookup, cst.Call) or len(lookup.args) != 2:
                return updated
            client, method = lookup.args
            comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            made = call.with_changes(
                func=cst.Attribute(client.value, cst.Name("request")),
                args=[cst.Arg(method.value, comma=comma), *call.args],
            )
            self._noted(original)
            return updated.with_changes(expression=made) if updated is not call else made
        if self._looked_up(original) and id(original) not in self.called_lookups:
            client, method = call.args
            self.ctx.add_import("functools")
            self._noted(original)
            request = cst.Attribute(client.value, cst.Name("request"))
            partial = cst.Attribute(cst.Name("functools"), cst.Name("partial"))
            return cst.Call(partial, [client.with_changes(value=request), method])
        return updated

    def _looked_up(self, call: cst.Call) -> bool:
        return self.ctx.pos(call) in self.ctx.edits.request_lookups and len(call.args) == 2

    def _noted(self, original: cst.Call) -> None:
        line = self.ctx.line(original)
        self.ctx.note(self.code, line, "verb looked up and given a body -> client.request")

    def _looked_up_call(
        self, original: cst.Call, updated: cst.BaseExpression, pos: tuple[int, int, int, int]
    ) -> cst.BaseExpression:
        """``func(url, files=files)``, ``func`` a client's verb looked up by name: its
        arguments as httpx takes them (the analysis kept the calls whose arguments
        only requests' verbs take on requests)."""
        call = updated.expression if isinstance(updated, cst.Await) else updated
        if not isinstance(call, cst.Call):
            return updated
        # Through ``request`` already (see http_lookups): the method comes first.
        through = isinstance(call.func, cst.Attribute) and isinstance(original.func, cst.Call)
        line = self.ctx.line(original)
        args, client_args, _ = self._translate_args(
            call, "request" if through else "post", True, line, pos
        )
        if args is None:
            return updated
        self._client_only_todos(client_args, line, pos)
        made = call.with_changes(args=args)
        return updated.with_changes(expression=made) if updated is not call else made

    def _translate_args(
        self, call: cst.Call, verb: str, from_requests: bool, line: int, pos: object = None
    ) -> tuple[list[cst.Arg] | None, list[cst.Arg], str]:
        raise NotImplementedError  # the rule's own (see http_client)
