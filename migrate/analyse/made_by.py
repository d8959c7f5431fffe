"""Functions that make an instance of a class they are handed.

``def _iter_children(self, url, kind, klass): ... yield klass(child)`` gives
what its caller hands it as ``klass``: ``return self._iter_children(url,
"file", File)`` gives File objects. The function's return type is recorded as
the parameter (``<made by>3:klass``, its position counting ``self``), and a
caller's as the class it hands there; the graph does the same for a method
another module defines (see CallGraph.returned).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

MADE_BY_PARAM = "<made by>"
# What a call hands on, as the facts keep it: the classes (or other names) given by
# position, by keyword, and whether the call is a method's (``self.m(...)``).
CallArgs = tuple[tuple[str | None, ...], tuple[tuple[str, str], ...], bool]


def param_made(function: ast.FunctionDef | ast.AsyncFunctionDef, value: ast.Call) -> str | None:
    """``<made by>3:klass`` when ``value`` calls the parameter ``klass`` of ``function``."""
    if not isinstance(value.func, ast.Name) or value.func.id in ("self", "cls"):
        return None  # ``cls(...)`` in a class method: the class itself (see names)
    params = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if value.func.id not in params:
        return None
    return f"{MADE_BY_PARAM}{params.index(value.func.id)}:{value.func.id}"


def call_args(call: ast.Call, resolve: Callable[[ast.expr], str | None]) -> CallArgs:
    """The names ``call`` hands on, resolved (None where not a plain name)."""

    def named(arg: ast.expr) -> str | None:
        return resolve(arg) if isinstance(arg, ast.Name | ast.Attribute) else None

    positional = tuple(None if isinstance(a, ast.Starred) else named(a) for a in call.args)
    keywords = tuple(
        (kw.arg, found) for kw in call.keywords if kw.arg and (found := named(kw.value))
    )
    func = call.func
    receiver = func.value if isinstance(func, ast.Attribute) else None
    bound = isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")
    return positional, keywords, bound


def given_class(made: str, args: CallArgs | None) -> str | None:
    """What a call handing ``args`` gives, of a function whose result is ``made``."""
    if args is None or not made.startswith(MADE_BY_PARAM):
        return None
    index, _, name = made.removeprefix(MADE_BY_PARAM).partition(":")
    positional, keywords, bound = args
    at = int(index) - (1 if bound else 0)
    if 0 <= at < len(positional):
        return positional[at]
    return dict(keywords).get(name)
