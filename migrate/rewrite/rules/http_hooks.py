"""MIG001, response hooks: ``session.hooks["response"].append(check)`` becomes
``session.event_hooks["response"].append(response_hook(check))``, and
``hooks={"response": check}`` given to a one-off request the event hooks of the
client made for it.

requests calls a response hook with the response read and takes what it
returns in its place; an httpx client awaits its event hooks before the body
is read. The package helper ``response_hook`` reads the body, then calls the
hook as requests did, so the hook itself stays as written (a function, a
method, ``print``), and what it raises still comes out of the request.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
import libcst.matchers as m

from ..nodes import code_of

_RESPONSE = m.SimpleString(value=m.MatchIfTrue(lambda v: v.strip("\"'") == "response"))


def event_hooks(
    stmt: cst.BaseStatement, name: str, wrap: Callable[[cst.BaseExpression], cst.Call]
) -> cst.SimpleStatementLine | None:
    """``stmt`` setting response hooks on ``name``, as it sets its event hooks;
    None when it does something else (or hooks in a form not followed)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        call = small.value
        method = call.func
        if not isinstance(method, cst.Attribute) or len(call.args) != 1 or call.args[0].keyword:
            return None
        hooks = _response_list(method.value, name)
        if hooks is None or method.attr.value not in ("append", "extend"):
            return None
        given = call.args[0].value
        value = wrap(given) if method.attr.value == "append" else _wrapped_items(given, wrap)
        if value is None:
            return None
        new = call.with_changes(
            func=method.with_changes(value=hooks), args=[call.args[0].with_changes(value=value)]
        )
        return stmt.with_changes(body=[small.with_changes(value=new)])
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    target = small.targets[0].target
    hooks = _response_list(target, name)
    if hooks is not None:  # ``session.hooks["response"] = [check]`` (or ``= check``)
        value = _wrapped_items(small.value, wrap)
        value = value if value is not None else wrap(small.value)
        return stmt.with_changes(
            body=[
                small.with_changes(
                    targets=[small.targets[0].with_changes(target=hooks)], value=value
                )
            ]
        )
    if _hooks_of(target, name) is None or not isinstance(small.value, cst.Dict):
        return None
    elements = []
    for element in small.value.elements:  # ``session.hooks = {"response": [check]}``
        if not isinstance(element, cst.DictElement) or not m.matches(element.key, _RESPONSE):
            return None
        items = _wrapped_items(element.value, wrap)
        elements.append(element.with_changes(value=items or wrap(element.value)))
    renamed = _hooks_of(target, name)
    return stmt.with_changes(
        body=[
            small.with_changes(
                targets=[small.targets[0].with_changes(target=renamed)],
                value=small.value.with_changes(elements=elements),
            )
        ]
    )


def response_hooks(
    value: cst.BaseExpression, wrap: Callable[[cst.BaseExpression], cst.Call]
) -> cst.Dict | None:
    """``hooks={"response": check}`` given to one request, as the event hooks of the
    client made for it: ``{"response": [response_hook(check)]}`` (httpx takes a
    list); None for hooks in another form."""
    if not isinstance(value, cst.Dict) or not value.elements:
        return None
    elements = []
    for element in value.elements:
        if not isinstance(element, cst.DictElement) or not m.matches(element.key, _RESPONSE):
            return None
        items = _wrapped_items(element.value, wrap)
        if items is None:
            items = cst.List([cst.Element(wrap(element.value))])
        elements.append(element.with_changes(value=items))
    return value.with_changes(elements=elements)


def _hooks_of(node: cst.BaseExpression, name: str) -> cst.Attribute | None:
    """``name.hooks`` as ``name.event_hooks``; None when ``node`` is something else."""
    if not isinstance(node, cst.Attribute) or node.attr.value != "hooks":
        return None
    if code_of(node.value) != name:
        return None
    return node.with_changes(attr=cst.Name("event_hooks"))


def _response_list(node: cst.BaseExpression, name: str) -> cst.Subscript | None:
    """``name.hooks["response"]`` as ``name.event_hooks["response"]``."""
    if not isinstance(node, cst.Subscript) or len(node.slice) != 1:
        return None
    index = node.slice[0].slice
    if not isinstance(index, cst.Index) or not m.matches(index.value, _RESPONSE):
        return None
    renamed = _hooks_of(node.value, name)
    return node.with_changes(value=renamed) if renamed is not None else None


def _wrapped_items(
    value: cst.BaseExpression, wrap: Callable[[cst.BaseExpression], cst.Call]
) -> cst.BaseExpression | None:
    """``[check, log]`` as ``[response_hook(check), response_hook(log)]``."""
    if not isinstance(value, cst.List | cst.Tuple):
        return None
    if any(not isinstance(e, cst.Element) for e in value.elements):
        return None
    return value.with_changes(
        elements=[e.with_changes(value=wrap(e.value)) for e in value.elements]
    )
