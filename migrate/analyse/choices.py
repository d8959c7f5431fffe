"""Classes picked by a value, then called: ``cls = {6: Image}.get(ns, Page)``, ``cls(site, t)``.

A local name bound once to one of several classes, picked by indexing a dict
display (``[k]`` or ``.get(k, default)``) or by a conditional expression,
and used only to be called, makes an instance of one of them: each of its
calls is a call site of every one of them (their constructors' parameters
get what it gives, see typeflow), and the classes it names are no values
handed where no call shows them. A name used any other way (returned,
stored, handed on) is no choice: its classes stay values.
"""

from __future__ import annotations

import ast

from .names import dotted


def picked(node: ast.expr) -> list[ast.expr] | None:
    """The names ``node`` picks one of (``A``, ``pkg.B``), or None when it picks none."""
    if isinstance(node, ast.IfExp):
        body, orelse = _branch(node.body), _branch(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        return _names(node.value.values)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Dict)
        and 1 <= len(node.args) <= 2
        and not node.keywords
    ):
        return _names([*node.func.value.values, *node.args[1:]])
    return None


def _branch(node: ast.expr) -> list[ast.expr] | None:
    return _names([node]) if isinstance(node, ast.Name | ast.Attribute) else picked(node)


def _names(nodes: list[ast.expr]) -> list[ast.expr] | None:
    if not nodes or any(dotted(node) is None for node in nodes):
        return None
    return nodes


def only_called(function: ast.AST, name: str) -> bool:
    """Whether ``function`` binds ``name`` once and reads it only to call it."""
    stores = 0
    called: set[int] = set()
    loads: list[ast.Name] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(id(node.func))
        elif isinstance(node, ast.Global | ast.Nonlocal) and name in node.names:
            return False
        elif isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Load):
                loads.append(node)
            else:
                stores += 1
        elif isinstance(node, ast.arg) and node.arg == name:
            return False
    return stores == 1 and bool(loads) and all(id(load) in called for load in loads)
