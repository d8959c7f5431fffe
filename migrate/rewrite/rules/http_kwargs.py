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
from .base import on_leave, on_visit
from .http_common import (
    bool_names,
    bound_names,
    differing_names,
    is_raw_body,
    parameter_names,
    sent_alike_names,
)
from .http_files import REQUESTS_FILES, sent_alike
from .http_headers import HeaderRewrites, none_header_names

KWARGS = "httpx_kwargs"
RENAMED = {"allow_redirects": "follow_redirects"}
# Keys a per-request dict cannot carry to httpx (set on the client there).
CLIENT_ONLY_KEYS = frozenset({"verify", "cert", "proxies", "hooks"})
# Arguments whose None is no default: no redirects, no timeout (the others fall
# back to the session's, as httpx's do to the client's, but ``auth=None``).
KEEP_NONE = frozenset({"allow_redirects", "timeout"})


class KwargsRewrites(HeaderRewrites):
    # Dict literals (ids of original nodes) translated where they are built,
    # and the ``**name`` arguments they reach (call position, name).
    kwargs_dicts: set[int]
    plain_kwargs: set[tuple[object, str]]

    @on_visit(cst.Module)
    def visit_module_names(self, node: cst.Module) -> None:
        state = self.functions[0]
        state.differing = differing_names(node)
        state.sent_alike = sent_alike_names(node, state.differing)
        state.none_headers = none_header_names(node, state.differing, set())

    def _find_kwargs_dicts(self, function: cst.FunctionDef) -> None:
        """``options = {...}`` used only as ``requests.get(url, **options)``; and the
        names that may hold None or a bool (``params={"page": page}``) or surely
        do not."""
        state = self.functions[-1]
        # Its own defaults of None, and the parameters its callers may give None.
        given_none = self.ctx.edits.none_params.get(self.ctx.qualname, frozenset())
        state.differing = differing_names(function) | given_none
        state.bools = bool_names(function)
        state.local = bound_names(function)
        state.sent_alike = sent_alike_names(
            function.body, state.differing, parameter_names(function)
        )
        state.none_headers = none_header_names(
            function.body, state.differing, self.functions[0].none_headers
        )
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
        if m.matches(arg.value, m.Call(m.Name(KWARGS))):
            return arg  # requests' keywords already gathered (``_requests_view_args``)
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
            elif key == "data" and is_raw_body(value):
                element = element.with_changes(key=cst.SimpleString('"content"'))
            elif key in ("params", "data"):
                element = element.with_changes(value=self._as_requests_sends(value))
            elif key == "files" and not sent_alike(value):
                helper = cst.Name(self.ctx.use_helper(REQUESTS_FILES))
                element = element.with_changes(value=cst.Call(helper, [cst.Arg(value)]))
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
        if key in ("params", "data") and from_requests:
            return self._as_requests_sends(value)
        if key == "headers" and from_requests:
            return self._headers_as_requests_sends(value)
        if key == "files" and from_requests and not sent_alike(value):
            return cst.Call(cst.Name(self.ctx.use_helper(REQUESTS_FILES)), [cst.Arg(value)])
        return value


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
