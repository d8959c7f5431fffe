"""MIG001, header values that may be None.

requests leaves a header whose value is None out of the request (its session
merges the request's headers over its own and drops the None ones); httpx
refuses it with a TypeError when the request is built. A dict literal loses
its literal None values; one whose values may still be None (a parameter
defaulting to None, ``d.get(k)``), or a name bound in the code to such a dict
(``headers = dict(DEFAULT_HEADERS)`` where ``DEFAULT_HEADERS`` holds a None,
``headers["X-Trace"] = trace``) goes through ``requests_headers`` when the
request is made. Headers that come from elsewhere (a parameter, an attribute,
a call) are handed on as they are: nothing here shows a None in them.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of
from .http_common import HttpRuleBase, may_be_none

REQUESTS_HEADERS = "requests_headers"
# ``headers.update(...)``, ``headers.setdefault(k, v)``: methods that put values in.
_FILLING = ("update", "setdefault")


class HeaderRewrites(HttpRuleBase):
    def _headers_as_requests_sends(self, sent: cst.BaseExpression) -> cst.BaseExpression:
        """``headers=`` of a requests call as httpx takes it (see the module's docstring)."""
        state, module = self.functions[-1], self.functions[0]
        if isinstance(sent, cst.Dict):
            elements = [
                e
                for e in sent.elements
                if not (isinstance(e, cst.DictElement) and m.matches(e.value, m.Name("None")))
            ]
            if len(elements) != len(sent.elements):
                if elements:
                    elements[-1] = elements[-1].with_changes(comma=sent.elements[-1].comma)
                sent = sent.with_changes(elements=elements)
            suspect = module.none_headers | state.none_headers
            if not dict_may_hold_none(sent, state.differing, suspect):
                return sent
        elif not isinstance(sent, cst.Name):
            return sent
        elif sent.value in state.local:
            if sent.value not in state.none_headers:
                return sent
        elif sent.value not in module.none_headers:
            return sent
        return cst.Call(cst.Name(self.ctx.use_helper(REQUESTS_HEADERS)), [cst.Arg(sent)])

    def _sessions_headers(
        self, body: Sequence[cst.BaseStatement], name: str
    ) -> list[cst.BaseStatement]:
        """``body`` with each statement setting session ``name``'s headers up as
        :meth:`_session_headers` writes it (before the session's rules tell its
        statements apart by id)."""
        return [
            self._session_headers(stmt, name) if isinstance(stmt, cst.SimpleStatementLine) else stmt
            for stmt in body
        ]

    def _session_headers(self, stmt: cst.SimpleStatementLine, name: str) -> cst.SimpleStatementLine:
        """``session.headers.update({...})`` or ``session.headers = {...}`` setting
        up session ``name``, with what may hold a None value through
        ``requests_headers``: the session left it out of every request."""
        if len(stmt.body) != 1:
            return stmt
        small = stmt.body[0]
        headers = m.Attribute(
            value=m.MatchIfTrue(lambda n: code_of(n) == name), attr=m.Name("headers")
        )
        if m.matches(
            small, m.Expr(m.Call(m.Attribute(headers, m.Name("update")), [m.Arg(keyword=None)]))
        ):
            call = cst.ensure_type(cst.ensure_type(small, cst.Expr).value, cst.Call)
            value = self._headers_as_requests_sends(call.args[0].value)
            if value is call.args[0].value:
                return stmt  # the statement itself: the session's rules know it by id
            arg = call.args[0].with_changes(value=value)
            return stmt.with_changes(body=[small.with_changes(value=call.with_changes(args=[arg]))])
        if m.matches(small, m.Assign([m.AssignTarget(headers)])):
            assign = cst.ensure_type(small, cst.Assign)
            value = self._headers_as_requests_sends(assign.value)
            if value is not assign.value:
                return stmt.with_changes(body=[assign.with_changes(value=value)])
        return stmt


def dict_may_hold_none(node: cst.Dict, names: set[str], suspect: set[str]) -> bool:
    """Whether a dict literal may hold a None value: one of its values may be
    (see :func:`may_be_none`), or it spreads a name in ``suspect``."""
    for element in node.elements:
        if isinstance(element, cst.DictElement) and may_be_none(element.value, names):
            return True
        if isinstance(element, cst.StarredDictElement) and _copies_suspect(element.value, suspect):
            return True
    return False


def _copies_suspect(node: cst.BaseExpression, suspect: set[str]) -> bool:
    """``NAME``, ``dict(NAME)``, ``NAME.copy()``, ``{**NAME}`` for NAME in ``suspect``."""
    if isinstance(node, cst.Name):
        return node.value in suspect
    if isinstance(node, cst.Call):
        if m.matches(node.func, m.Name("dict")) and len(node.args) == 1:
            return _copies_suspect(node.args[0].value, suspect)
        if m.matches(node.func, m.Attribute(attr=m.Name("copy"))) and not node.args:
            return _copies_suspect(cst.ensure_type(node.func, cst.Attribute).value, suspect)
    if isinstance(node, cst.Dict):
        return dict_may_hold_none(node, set(), suspect)
    return False


def none_header_names(body: cst.CSTNode, names: set[str], suspect: set[str]) -> set[str]:
    """Names in ``body`` that may be bound to a dict holding a None value: bound to
    such a dict literal or a copy of one in ``suspect`` (the module's), given an
    item that may be None (``headers[k] = v``, ``headers.update(k=v)``)."""
    found: set[str] = set()
    assigns = m.findall(body, m.Assign())
    calls = m.findall(body, m.Call(func=m.Attribute(value=m.Name(), attr=m.Name())))
    for _ in range(2):  # a copy of a copy
        known = suspect | found
        for assign in assigns:
            assert isinstance(assign, cst.Assign)
            for target in (t.target for t in assign.targets):
                if isinstance(target, cst.Name) and _copies_suspect(assign.value, known):
                    found.add(target.value)
                elif isinstance(target, cst.Name) and isinstance(assign.value, cst.Dict):
                    if dict_may_hold_none(assign.value, names, known):
                        found.add(target.value)
                elif m.matches(target, m.Subscript(value=m.Name())) and may_be_none(
                    assign.value, names
                ):
                    subscript = cst.ensure_type(target, cst.Subscript)
                    found.add(cst.ensure_type(subscript.value, cst.Name).value)
        for call in calls:
            assert isinstance(call, cst.Call)
            func = cst.ensure_type(call.func, cst.Attribute)
            if func.attr.value not in _FILLING:
                continue
            owner = cst.ensure_type(func.value, cst.Name).value
            if func.attr.value == "setdefault":
                values = [a.value for a in call.args[1:]]
            else:
                values = [a.value for a in call.args if a.keyword is not None]
                if any(_fills_none(a.value, names, known) for a in call.args if not a.keyword):
                    found.add(owner)
            if any(may_be_none(v, names) for v in values):
                found.add(owner)
    return found


def _fills_none(node: cst.BaseExpression, names: set[str], suspect: set[str]) -> bool:
    """Whether ``update(node)`` may put a None value in: a dict literal that may
    hold one, or a copy of a name in ``suspect``."""
    if isinstance(node, cst.Dict):
        return dict_may_hold_none(node, names, suspect)
    return _copies_suspect(node, suspect)
