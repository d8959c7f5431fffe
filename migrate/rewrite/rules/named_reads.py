"""Attributes read by spelt-out names whose getters became methods (MIG003).

``getattr(obj, "links")`` and ``getattr(obj, prop)`` over literal names read
properties (see analyse/named_reads.py); once their getters are async methods
the read calls and awaits them, in the form the plan gives for all its names.
"""

from __future__ import annotations

import libcst as cst


def named_read(getattr_: cst.Call, prefix: str) -> cst.Call:
    """``getattr(obj, "links")`` -> ``obj.alinks()``; ``getattr(obj, prop)`` ->
    ``getattr(obj, f"a{prop}")()``: the getter each name reads became a method
    (named ``a`` + its name when it keeps a sync twin). A default goes: a
    property is always there."""
    obj, name = getattr_.args[0].value, getattr_.args[1].value
    if isinstance(name, cst.SimpleString) and isinstance(obj, cst.Name | cst.Attribute):
        attr = cst.Name(prefix + str(name.evaluated_value))
        return cst.Call(func=cst.Attribute(value=obj, attr=attr))
    if prefix:
        name = cst.FormattedString(
            [cst.FormattedStringText(prefix), cst.FormattedStringExpression(name)]
        )
    args = [getattr_.args[0], cst.Arg(name)]
    return cst.Call(func=getattr_.with_changes(args=args))
