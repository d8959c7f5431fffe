"""Dunders Python runs on syntax that may become async under a name of their own.

``name in jobs`` runs ``Jobs.__contains__``, ``jobs[name] = xml`` its
``__setitem__``, ``del jobs[name]`` its ``__delitem__``, ``len(jobs)`` its
``__len__``. None of them can be ``async def``: Python wants a bool, an int,
or nothing back. One that would await becomes an async method named as
Django names its async twins (``acontains``, ``alen``, ...), and the dunder
stays, a one-line bridge to it for sync code. Async code where the object's
type is known calls the twin: ``await jobs.acontains(name)``,
``await jobs.asetitem(name, xml)``. Only shapes that read as one call are
noted (a plain ``x[k] = v``, a ``del`` of one item, a single ``in``); the
rest keep the dunder.
"""

from __future__ import annotations

import ast

# The dunders that take an async twin, and its name.
TWIN_NAMES = {
    "__contains__": "acontains",
    "__len__": "alen",
    "__setitem__": "asetitem",
    "__delitem__": "adelitem",
}
LEN = "builtins.len"
# What a truth test (``if not jobs:``) runs: ``__bool__``, or else ``__len__``.
TRUTH_DUNDERS = ("__bool__", "__len__")
# A property setter is a function of its own (``Api.token.<setter>``); one that
# would await becomes the async method ``aset_token``, and the setter stays as a
# bridge to it for sync code and for assignments that do not read as one call.
SETTER = ".<setter>"
# A generator ``__iter__`` becomes the async generator ``__aiter__``; sync code
# iterating an object it cannot type gets its items collected by the kept ``__iter__``.
ITER_TWIN = ("__iter__", "__aiter__")


def twin_name(name: str, is_generator: bool) -> str | None:
    """The async twin a dunder takes, if it has one."""
    if name == ITER_TWIN[0] and is_generator:
        return ITER_TWIN[1]
    return TWIN_NAMES.get(name)


def setter_twin_name(qualname: str) -> str:
    """``aset_token`` for ``Api.token.<setter>``."""
    return f"aset_{qualname.removesuffix(SETTER).rpartition('.')[2]}"


def contains_site(node: ast.Compare) -> tuple[ast.expr, ast.expr, str] | None:
    """``x in obj`` / ``x not in obj`` alone: (x, obj, kind), or None."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], ast.In | ast.NotIn):
        return None
    kind = "in" if isinstance(node.ops[0], ast.In) else "not in"
    return node.left, node.comparators[0], kind


def len_site(node: ast.Call, target: str | None) -> ast.expr | None:
    """``len(obj)``: obj, or None."""
    if target != LEN or len(node.args) != 1 or node.keywords:
        return None
    arg = node.args[0]
    return None if isinstance(arg, ast.Starred) else arg
