"""Small readers and builders of libcst nodes that every rule may use."""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node


def code_of(node: cst.CSTNode) -> str:
    """The source text of a node, as libcst would write it."""
    return cst.Module([]).code_for_node(node)


def dotted_name(node: cst.CSTNode) -> str | None:
    """``a.b.c`` as written; None for anything but a chain of names.

    Unlike ``get_full_name_for_node`` alone, ``a().b`` and ``x[1].y`` are not
    names: a call or subscript in the chain is an object made at run time.
    """
    if isinstance(node, cst.Name) or (
        isinstance(node, cst.Attribute) and dotted_name(node.value) is not None
    ):
        return get_full_name_for_node(node)
    return None


def optional_of(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """``T`` for ``Optional[T]``, ``Union[T, None]`` and ``T | None`` (as written);
    the node itself for anything else, None for a union of several types."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        members = [node.left, node.right]
    elif isinstance(node, cst.Subscript) and dotted_name(node.value):
        name = (dotted_name(node.value) or "").rsplit(".", 1)[-1]
        elements = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        if name == "Optional" and len(elements) == 1:
            return elements[0]
        if name != "Union":
            return node
        members = elements
    else:
        return node
    typed = [e for e in members if not (isinstance(e, cst.Name) and e.value == "None")]
    return typed[0] if len(typed) == 1 else None


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The text of a plain string literal (bytes decoded); None for anything else."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode() if isinstance(value, bytes) else value
    return None


def keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    """``name=value``, spaced as PEP 8 wants for keywords."""
    return cst.Arg(
        value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def is_keyword(arg: cst.Arg, name: str) -> bool:
    """Whether ``arg`` is passed as ``name=``."""
    return arg.keyword is not None and arg.keyword.value == name


def append_arg(args: list[cst.Arg], arg: cst.Arg) -> list[cst.Arg]:
    """Add an argument after the others, giving the previous last one a comma."""
    if args:
        last = args[-1]
        comma = (
            last.comma
            if isinstance(last.comma, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        args = [*args[:-1], last.with_changes(comma=comma)]
    return [*args, arg]


def taken_by_next(call: cst.Call) -> cst.BaseExpression | None:
    """``g`` of ``next(g)``, ``next(g, default)`` or ``next(iter(g))``: a generator
    expression or ``map(...)`` of which one item is taken."""
    if not (isinstance(call.func, cst.Name) and call.func.value == "next"):
        return None
    if not 1 <= len(call.args) <= 2 or any(a.keyword or a.star for a in call.args):
        return None
    taken = call.args[0].value
    if (
        isinstance(taken, cst.Call)
        and isinstance(taken.func, cst.Name)
        and taken.func.value == "iter"
        and len(taken.args) == 1
        and not taken.args[0].star
    ):
        taken = taken.args[0].value
    if isinstance(taken, cst.GeneratorExp):
        return taken
    if (
        isinstance(taken, cst.Call)
        and isinstance(taken.func, cst.Name)
        and taken.func.value == "map"
    ):
        return taken
    return None
