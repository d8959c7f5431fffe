"""MIG001, request functions and clients that are not called where they are written.

``retry_call(requests.get, url)`` whose receiver now awaits the function it
is given (see :mod:`migrate.analyse.passed`): the function handed over is
the method of a client made for the statement, ``retry_call(http_client.get,
url)`` under ``async with httpx.AsyncClient(...) as http_client:``. A
client's method handed over (``self.session.get``) stays as written: its
client becomes an ``AsyncClient``. ``with closing(requests.get(url,
stream=True)) as r:`` loses the wrapper: the httpx stream closes itself.
``requests.Response()``, a test's hand-made answer, gets what httpx's needs,
and what the test sets on it that httpx's cannot take (``resp.url = u``,
``resp.reason = r``) goes where httpx's reads it (its request, its extensions).
A sync transport made apart from its client: see ``httpx_sync_args``.
``resp.raise_for_status()`` whose value is used (``return
resp.raise_for_status()``) is ``resp.raise_for_status() if resp.is_error else
None``: requests' raises for 4xx/5xx only and returns None, httpx's raises for
3xx too and returns the response (as a statement, MIG001 guards it with ``if
resp.is_error:``).
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of, dotted_name, keyword_arg
from .base import on_leave, on_visit
from .http_common import Frame, requests_defaults
from .http_streams import ONE_SHOT_CLIENT
from .httpx_sync_args import SyncTransports


class ValueRewrites(SyncTransports):
    # The statements being rewritten, innermost last.
    frames: list[Frame]

    def _handed_over(self, original: cst.Attribute | cst.Name) -> cst.BaseExpression | None:
        """``requests.get`` handed to a receiver that awaits it -> ``http_client.get``."""
        pos = self.ctx.pos(original) or (0, 0, 0, 0)
        edit = self.ctx.edits.http_values.get(pos)
        if edit is None or edit.on_shared_client or not self.frames:
            return None
        if "Session" in edit.entry.name or "Client" in edit.entry.name:
            return None  # a client's method: its client becomes an AsyncClient
        verb = edit.entry.name.rsplit(".", 1)[-1]
        if pos not in self.ctx.edits.one_off_lookups:
            # Kept in a local and called after (``fn = getattr(requests, method)``), the
            # client spans the statements calling it instead (see http_one_off_lookups).
            from_requests = edit.entry.name.startswith("requests")
            self.frames[-1].client_args = requests_defaults() if from_requests else []
        self.ctx.maybe_remove_import("requests")
        self.ctx.maybe_remove_import("requests", verb)
        line = self.ctx.line(original)
        if isinstance(original, cst.Name) and original.value != verb:
            # ``getattr(requests, method)``: the module's functions are the client's.
            self.ctx.note(self.code, line, "requests looked up by getattr: a client")
            return cst.Name(ONE_SHOT_CLIENT)
        self.ctx.note(self.code, line, f"{edit.entry.name} handed over: a client's {verb}")
        return cst.Attribute(cst.Name(ONE_SHOT_CLIENT), cst.Name(verb))

    @on_leave(cst.Attribute, cst.Name)
    def leave_handed(
        self, original: cst.Attribute | cst.Name, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        verb = self.ctx.edits.verb_values.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if verb is not None:
            # ``VERBS = {"get": requests.get}``: the verb's name, looked up on a client.
            self.ctx.maybe_remove_import("requests")
            self.ctx.maybe_remove_import("requests", verb)
            self.ctx.note(self.code, self.ctx.line(original), "a table of verbs: their names")
            return cst.SimpleString(f'"{verb}"')
        return self._handed_over(original) or updated

    @on_leave(cst.Call)
    def leave_verb_call(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``VERBS[method](url)`` -> ``getattr(http_client, VERBS[method])(url)``."""
        if (
            not isinstance(updated, cst.Call)
            or self.ctx.pos(original) not in self.ctx.edits.verb_calls
            or not self.frames
        ):
            return updated
        self.frames[-1].client_args = requests_defaults()
        looked_up = cst.Call(
            cst.Name("getattr"), [cst.Arg(cst.Name(ONE_SHOT_CLIENT)), cst.Arg(updated.func)]
        )
        return updated.with_changes(func=looked_up)

    # Calls that are whole statements, and values returned or assigned whole
    # (ids of original nodes of the module being rewritten).
    _statement_calls: set[int]
    _whole_values: set[int]
    # Per function being rewritten, innermost last: its names of responses made by
    # hand that stay requests' (see _kept).
    _kept_by_hand: list[set[str]]

    @on_visit(cst.Module)
    def visit_values_module(self, node: cst.Module) -> None:
        self._statement_calls, self._whole_values = set(), set()
        self._kept_calls, self._kept_by_hand = set(), []

    @on_visit(cst.Expr)
    def visit_statement_call(self, node: cst.Expr) -> None:
        self._statement_calls.add(id(node.value))

    @on_visit(cst.Return, cst.Assign)
    def visit_whole_value(self, node: cst.Return | cst.Assign) -> None:
        self._whole_values.add(id(node.value))

    @on_leave(cst.Call)
    def leave_raise_for_status(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``resp.raise_for_status()`` used as a value: None, and raising for 4xx/5xx only."""
        if id(original) in self._statement_calls or not m.matches(
            original, m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("raise_for_status")))
        ):
            return updated
        owner = cst.ensure_type(cst.ensure_type(original.func, cst.Attribute).value, cst.Name)
        state = self.functions[-1]
        if owner.value not in state.responses and owner.value not in state.either_responses:
            return updated
        checked = cst.IfExp(
            test=self._is_error(owner.value),
            body=updated,
            orelse=cst.Name("None"),
        )
        if id(original) in self._whole_values:
            return checked
        return checked.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])

    def _makes_response(self, call: cst.BaseExpression) -> bool:
        """``requests.Response()`` (an original node): a response made by hand."""
        if not isinstance(call, cst.Call) or call.args:
            return False
        func = call.func
        name = dotted_name(func) if isinstance(func, cst.Attribute) else None
        if isinstance(func, cst.Name):
            name = self.ctx.edits.requests_aliases.get(func.value)
        return name in ("requests.Response", "requests.models.Response")

    @on_visit(cst.Assign)
    def visit_made_response(self, node: cst.Assign) -> None:
        if self._makes_response(node.value):
            for target in node.targets:
                if isinstance(target.target, cst.Name) and not self._kept(target.target.value):
                    self.functions[-1].made_responses.add(target.target.value)
                elif isinstance(target.target, cst.Name) and isinstance(node.value, cst.Call):
                    kept = {id(node.value), id(node.value.func)}
                    self._kept_calls |= kept

    @on_leave(cst.Assign)
    def leave_made_response_set(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        """``resp.url = url`` on a response made by hand: httpx's ``url`` is its request's,
        and its ``reason_phrase`` comes from its extensions (neither can be set)."""
        target = original.targets[0].target if len(original.targets) == 1 else None
        if not (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value in self.functions[-1].made_responses
            and target.attr.value in ("url", "reason")
        ):
            return updated
        owner = target.value
        if target.attr.value == "url":
            request = cst.Call(
                self._httpx("Request"), [cst.Arg(cst.SimpleString('"GET"')), cst.Arg(updated.value)]
            )
            new_target: cst.BaseAssignTargetExpression = cst.Attribute(owner, cst.Name("request"))
            return updated.with_changes(
                targets=[updated.targets[0].with_changes(target=new_target)], value=request
            )
        reason = cst.Index(cst.SimpleString('"reason_phrase"'))
        new_target = cst.Subscript(
            cst.Attribute(owner, cst.Name("extensions")), [cst.SubscriptElement(reason)]
        )
        value = updated.value
        if isinstance(value, cst.SimpleString) and value.prefix == "" and value.value.isascii():
            encoded: cst.BaseExpression = value.with_changes(value=f"b{value.value}")
        else:
            encoded = cst.Call(cst.Attribute(value, cst.Name("encode")))
        return updated.with_changes(
            targets=[updated.targets[0].with_changes(target=new_target)], value=encoded
        )

    @on_visit(cst.FunctionDef)
    def visit_body_set_by_hand(self, node: cst.FunctionDef) -> None:
        self._bodies_left = [*getattr(self, "_bodies_left", []), _body_maybe_unset(node)]
        self._kept_by_hand.append(_requests_only(node))

    @on_leave(cst.FunctionDef)
    def leave_body_set_by_hand(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self._bodies_left.pop()
        self._kept_by_hand.pop()
        return updated

    def _kept(self, name: str) -> bool:
        """A response made by hand as ``name`` that the function also gives or reads what
        only requests' has (``resp.raw = io.BytesIO(...)``): httpx's would ignore it,
        and what it is handed to reads it as requests' does; it stays requests'."""
        return bool(self._kept_by_hand) and name in self._kept_by_hand[-1]

    @on_leave(cst.Assign)
    def leave_made_response_unset(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        """``resp = requests.Response()`` whose body the code sets by hand
        (``resp._content = ...``) on some paths only: requests' has none until then
        (``.content`` is None, ``.json()`` raises a ValueError), httpx's an empty one;
        it is the helpers module's ``HandMadeResponse``, which has requests' none."""
        left = getattr(self, "_bodies_left", None)
        if not left or len(original.targets) != 1:
            return updated
        target = original.targets[0].target
        if not (
            isinstance(target, cst.Name)
            and target.value in left[-1]
            and not self._kept(target.value)
            and self._makes_response(original.value)
            and isinstance(updated.value, cst.Call)
        ):
            return updated
        made = cst.Name(self.ctx.use_helper("HandMadeResponse"))
        return updated.with_changes(value=updated.value.with_changes(func=made))

    @on_leave(cst.Call)
    def leave_made_response(
        self, original: cst.Call, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """``requests.Response()``, a test's hand-made answer: httpx's needs a status,
        and a request for ``raise_for_status()`` (requests' has neither until set)."""
        if not isinstance(updated, cst.Call) or not self._makes_response(original):
            return updated
        if id(original) in self._kept_calls:
            return updated
        if code_of(updated.func) != f"{self.module}.Response":
            # requests is still in use here (a gradual step) and kept its name, but
            # the code handed this response reads httpx's, as the fixes made to it
            # (``resp.reason = r``, above) already assume.
            self._drop_requests_name(original.func)
            updated = updated.with_changes(func=self._httpx("Response"))
        request = cst.Call(
            self._httpx("Request"),
            [cst.Arg(cst.SimpleString('"GET"')), cst.Arg(cst.SimpleString('""'))],
        )
        return updated.with_changes(
            args=[cst.Arg(cst.Integer("200")), keyword_arg("request", request)]
        )

    def _drop_requests_name(self, func: cst.BaseExpression) -> None:
        """``requests.Response`` (or ``Response`` imported from it) is written no more here."""
        self.ctx.maybe_remove_import("requests")
        if isinstance(func, cst.Name):
            module, _, obj = self.ctx.edits.requests_aliases[func.value].rpartition(".")
            self.ctx.maybe_remove_import(module, obj)

    def made_response_returns(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        """``def make_response(...) -> requests.Response`` returning a response it made
        by hand: it returns httpx's now (see leave_made_response)."""
        made = self.functions[-1].made_responses
        annotation = original.returns.annotation if original.returns else None
        if not made or annotation is None or not self._makes_response(cst.Call(annotation)):
            return updated
        returned = {
            cst.ensure_type(node, cst.Return).value
            for node in m.findall(original.body, m.Return(value=m.Name()))
        }
        if not any(isinstance(v, cst.Name) and v.value in made for v in returned):
            return updated
        if updated.returns is None or code_of(updated.returns.annotation) == code_of(annotation):
            self._drop_requests_name(annotation)
            return updated.with_changes(returns=cst.Annotation(self._httpx("Response")))
        return updated

    def _aclosed(self, function: cst.FunctionDef) -> set[str]:
        """Names ``with closing(name):`` closes in ``function``, as ``aclosing`` will."""
        found = set()
        for call in m.findall(function.body, m.Call(args=[m.Arg(m.Name(), keyword=None)])):
            call = cst.ensure_type(call, cst.Call)
            if self.ctx.pos(call) in self.ctx.edits.aclosings:
                found.add(cst.ensure_type(call.args[0].value, cst.Name).value)
        return found

    def _unwrapped_closing(self, updated: cst.Call) -> cst.BaseExpression:
        """``closing(x)``: x is an httpx stream or client now, which closes itself."""
        self.ctx.maybe_remove_import("contextlib")
        self.ctx.maybe_remove_import("contextlib", "closing")
        return updated.args[0].value


def _body_maybe_unset(function: cst.FunctionDef) -> set[str]:
    """Names whose ``._content`` the function sets, but only under a condition (never
    as a statement of its own body): on other paths the body stays unset."""
    sets = m.Assign(targets=[m.AssignTarget(m.Attribute(m.Name(), m.Name("_content")))])
    named = {
        cst.ensure_type(cst.ensure_type(a, cst.Assign).targets[0].target, cst.Attribute).value
        for a in m.findall(function.body, sets)
    }
    found = {cst.ensure_type(n, cst.Name).value for n in named if isinstance(n, cst.Name)}
    for statement in function.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if m.matches(small, sets):
                    target = cst.ensure_type(small, cst.Assign).targets[0].target
                    found.discard(code_of(cst.ensure_type(target, cst.Attribute).value))
    return found


# What a response made by hand may be given or asked for that only requests' has.
_REQUESTS_ONLY = frozenset(
    {"raw", "_content_consumed", "iter_content", "iter_lines", "connection", "apparent_encoding"}
)


def _requests_only(function: cst.FunctionDef) -> set[str]:
    """Names the function sets or reads a requests-only attribute of (see _REQUESTS_ONLY)."""
    found = set()
    for node in m.findall(function.body, m.Attribute(value=m.Name())):
        attribute = cst.ensure_type(node, cst.Attribute)
        if attribute.attr.value in _REQUESTS_ONLY:
            found.add(cst.ensure_type(attribute.value, cst.Name).value)
    return found
