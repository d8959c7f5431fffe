"""MIG001, keyword arguments that reach a request through ``**name``.

requests' names mean nothing to httpx (``allow_redirects=`` is a TypeError
there), and the names may come from far away: a dict built a few lines up,
or the ``**kwargs`` of a public function whose callers use requests' names.
A dict literal used only for that call is translated where it is built;
anything else is translated when the call is made, by ``httpx_kwargs`` (in
the package's helpers module), so every caller keeps the names it used.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of, string_value
from .base import on_leave
from .http_common import HttpRuleBase, dict_may_hold_none, is_raw_body, none_dicts, none_names

KWARGS = "httpx_kwargs"
RENAMED = {"allow_redirects": "follow_redirects"}
# Keys a per-request dict cannot carry to httpx (set on the client there).
CLIENT_ONLY_KEYS = frozenset({"verify", "cert", "proxies", "hooks"})
# Arguments whose None is no default: no redirects, no timeout (the others fall
# back to the session's, as httpx's do to the client's, but ``auth=None``).
KEEP_NONE = frozenset({"allow_redirects", "timeout"})


class KwargsRewrites(HttpRuleBase):
    # Dict literals (ids of original nodes) translated where they are built,
    # and the ``**name`` arguments they reach (call position, name).
    kwargs_dicts: set[int]
    plain_kwargs: set[tuple[object, str]]

    def _find_kwargs_dicts(self, function: cst.FunctionDef) -> None:
        """``options = {...}`` used only as ``requests.get(url, **options)``; and the
        names that may hold None (``params={"page": page}``)."""
        state = self.functions[-1]
        state.maybe_none = none_names(function)
        state.none_dicts = none_dicts(function, state.maybe_none)
        for call in m.findall(function.body, m.Call()):
            assert isinstance(call, cst.Call)
            edit = self.ctx.edits.http_calls.get(self.ctx.pos(call) or (0, 0, 0, 0))
            if edit is None or not edit.entry.name.startswith("requests"):
                continue
            for arg in call.args:
                if arg.star != "**" or not isinstance(arg.value, cst.Name):
                    continue
                literal = _only_dict(function, arg.value.value)
                if literal is not None:
                    self.kwargs_dicts.add(id(literal))
                    self.plain_kwargs.add((self.ctx.pos(call), arg.value.value))

    def _star_kwargs(self, arg: cst.Arg, pos: object, line: int) -> cst.Arg:
        """``**kwargs`` of the requests call at ``pos``, as httpx takes them."""
        if isinstance(arg.value, cst.Name) and (pos, arg.value.value) in self.plain_kwargs:
            return arg
        kwargs = cst.Call(cst.Name(self.ctx.use_helper(KWARGS)), [cst.Arg(arg.value)])
        self.ctx.note(self.code, line, f"**{code_of(arg.value)}: requests' names still accepted")
        return arg.with_changes(value=kwargs)

    @on_leave(cst.Dict)
    def leave_kwargs_dict(self, original: cst.Dict, updated: cst.Dict) -> cst.Dict:
        if id(original) not in self.kwargs_dicts:
            return updated
        elements: list[cst.BaseDictElement] = []
        for element in updated.elements:
            assert isinstance(element, cst.DictElement)
            key = string_value(element.key)
            value = element.value
            if key == "stream":
                continue
            if key in RENAMED:
                element = element.with_changes(key=cst.SimpleString(f'"{RENAMED[key]}"'))
            elif key == "timeout" and isinstance(value, cst.Tuple) and len(value.elements) == 2:
                element = element.with_changes(value=self._timeout(value))
            elif key == "data" and is_raw_body(value):
                element = element.with_changes(key=cst.SimpleString('"content"'))
            elements.append(element)
        if elements:
            elements[-1] = elements[-1].with_changes(comma=updated.elements[-1].comma)
        return updated.with_changes(elements=elements)

    def _requests_value(
        self, key: str, value: cst.BaseExpression, from_requests: bool, body: bool
    ) -> cst.BaseExpression | None:
        """What an argument given to requests is given to httpx; None: nothing (a
        None that is requests' default: the session's value, or no body)."""
        if m.matches(value, m.Name("None")) and (body or (from_requests and key not in KEEP_NONE)):
            return None
        if key == "params" and from_requests:
            return self._query_params(value)
        return value

    def _query_params(self, params: cst.BaseExpression) -> cst.BaseExpression:
        """requests leaves out a query parameter whose value is None, httpx sends it
        empty: a None goes, one that may be None goes through ``query_params``."""
        state = self.functions[-1]
        if isinstance(params, cst.Name) and params.value in state.none_dicts:
            return cst.Call(cst.Name(self.ctx.use_helper("query_params")), [cst.Arg(params)])
        if not isinstance(params, cst.Dict):
            return params
        elements = [
            e
            for e in params.elements
            if not (isinstance(e, cst.DictElement) and m.matches(e.value, m.Name("None")))
        ]
        if len(elements) != len(params.elements) and elements:
            elements[-1] = elements[-1].with_changes(comma=params.elements[-1].comma)
        params = params.with_changes(elements=elements)
        if not dict_may_hold_none(params, state.maybe_none):
            return params
        return cst.Call(cst.Name(self.ctx.use_helper("query_params")), [cst.Arg(params)])


def _only_dict(function: cst.FunctionDef, name: str) -> cst.Dict | None:
    """The dict literal ``name`` is bound to, if the function binds it once and
    reads it only in the call (two mentions in all), with keys it can translate."""
    mentions = len(m.findall(function.body, m.Name(name))) - len(
        m.findall(function.body, m.Attribute(attr=m.Name(name)))
    )
    assigns = m.findall(
        function.body, m.Assign(targets=[m.AssignTarget(m.Name(name))], value=m.Dict())
    )
    if mentions != 2 or len(assigns) != 1:
        return None
    literal = cst.ensure_type(cst.ensure_type(assigns[0], cst.Assign).value, cst.Dict)
    keys = []
    for element in literal.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key is None or key in CLIENT_ONLY_KEYS:
            return None
        keys.append(key)
    return literal
