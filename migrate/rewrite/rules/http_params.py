"""MIG001, a session's query parameters changed in place.

A ``requests.Session``'s ``params`` is a dict; an ``httpx.AsyncClient``'s is
an immutable ``QueryParams``, whose ``update()`` and item assignment raise
RuntimeError. ``session.params.update(extra)`` becomes ``session.params =
{**session.params, **extra}`` and ``session.params[key] = value`` becomes
``session.params = {**session.params, key: value}``: the client's setter
takes the dict, and the form reads the same (and works) on requests' dict, so
a session the analysis is unsure about is safe either way. The plan names the
calls (``FileEdits.params_changes``).
"""

from __future__ import annotations

import libcst as cst

from .base import on_leave
from .http_headers import HeaderRewrites


class ParamsRewrites(HeaderRewrites):
    @on_leave(cst.Expr)
    def leave_params_update(self, original: cst.Expr, updated: cst.Expr) -> cst.BaseSmallStatement:
        call = updated.value
        if (
            not isinstance(call, cst.Call)
            or self.ctx.pos(original.value) not in self.ctx.edits.params_changes
            or not isinstance(call.func, cst.Attribute)
        ):
            return updated
        params = call.func.value
        if not isinstance(params, cst.Attribute):
            return updated
        added: list[cst.BaseDictElement] = []
        for arg in call.args:
            if arg.keyword is not None:
                added.append(cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value))
            elif isinstance(arg.value, cst.Dict) and not arg.star:
                added.extend(_plain(e) for e in arg.value.elements)
            elif not arg.star:
                added.append(cst.StarredDictElement(arg.value))
            else:
                return updated  # ``update(*pairs)``: left for the reader (the plan names it)
        return self._assign(params, added)

    @on_leave(cst.Assign)
    def leave_params_item(
        self, original: cst.Assign, updated: cst.Assign
    ) -> cst.BaseSmallStatement:
        if len(updated.targets) != 1:
            return updated
        target = updated.targets[0].target
        if (
            not isinstance(target, cst.Subscript)
            or self.ctx.pos(original.targets[0].target) not in self.ctx.edits.params_changes
            or len(target.slice) != 1
            or not isinstance(target.slice[0].slice, cst.Index)
        ):
            return updated
        key = target.slice[0].slice.value
        if not isinstance(target.value, cst.Attribute):
            return updated
        return self._assign(target.value, [cst.DictElement(key, updated.value)])

    def _assign(
        self, params: cst.BaseAssignTargetExpression, added: list[cst.BaseDictElement]
    ) -> cst.BaseSmallStatement:
        """``params = {**params, <added>}``, sent as requests sends them (None left out)."""
        elements = [cst.StarredDictElement(params), *added]
        merged = cst.Dict([_plain(e) for e in elements])
        return cst.Assign([cst.AssignTarget(params)], self._as_requests_sends(merged))


def merged_params(value: cst.BaseExpression, session: str) -> cst.Dict | None:
    """What ``session.params = {**session.params, ...}`` (this rule's form, maybe
    through ``requests_values``) adds: the dict without its first element."""
    if isinstance(value, cst.Call) and len(value.args) == 1:
        value = value.args[0].value
    if not isinstance(value, cst.Dict) or not value.elements:
        return None
    first = value.elements[0]
    if not (
        isinstance(first, cst.StarredDictElement)
        and isinstance(first.value, cst.Attribute)
        and first.value.attr.value == "params"
        and isinstance(first.value.value, cst.Name)
        and first.value.value.value == session
    ):
        return None
    return value.with_changes(elements=value.elements[1:])


def _plain(element: cst.BaseDictElement) -> cst.BaseDictElement:
    """The element without its own comma: the dict lays them out again."""
    return element.with_changes(comma=cst.MaybeSentinel.DEFAULT)
