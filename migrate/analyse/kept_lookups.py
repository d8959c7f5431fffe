"""A client's method looked up with ``getattr`` and kept in a local that is only called.

``fn = getattr(self.session, method.lower())`` then ``fn(url, data=body)``: the
local holds one of the client's verbs, and every use of it calls it, in the
function that looked it up. Each such call is the lookup's call, as
``getattr(self.session, method)(url)`` made at once is (see values.looked_up):
awaited once the client is an AsyncClient, whose verbs getattr finds alike.
A local bound more than once, read other than to call it (handed on, returned,
kept), or called in a nested function or lambda, keeps the method a value.
"""

from __future__ import annotations

import ast

from .model import Call, Function, Ref, Span
from .tree import function_in, span_of

_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def kept_lookup_calls(fn: Function, ref: Ref, tree: ast.Module) -> list[Call]:
    """The calls of the local the ``getattr`` holding ``ref`` is assigned to in ``fn``
    (parsed in ``tree``), when that local is only ever called there; else none."""
    return local_calls(fn, ref.call_span, tree, exact=True) if ref.call_span else []


def local_calls(fn: Function, value: Span, tree: ast.Module, *, exact: bool) -> list[Call]:
    """The calls of the local ``fn`` assigns the expression at ``value`` to (or, not
    ``exact``, an expression holding it), when that local is only ever called there."""
    node = function_in(tree, fn)
    if node is None:
        return []
    name = None
    for child in _own_nodes(node):
        if (
            isinstance(child, ast.Assign)
            and len(child.targets) == 1
            and isinstance(child.targets[0], ast.Name)
            and _holds(span_of(child.value), value, exact)
        ):
            name = child.targets[0].id
    if name is None:
        return []
    stores, called, loads = 0, [], 0
    for child in _own_nodes(node):
        if isinstance(child, ast.Name) and child.id == name:
            stores += isinstance(child.ctx, ast.Store | ast.Del)
            loads += isinstance(child.ctx, ast.Load)
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Name):
            if child.func.id == name:
                called.append(span_of(child))
    nested = any(
        isinstance(sub, ast.Name) and sub.id == name
        for inner in _own_nodes(node)
        if isinstance(inner, _NESTED)
        for sub in ast.walk(inner)
    )
    if stores != 1 or nested or not called or loads != len(called):
        return []
    calls = {call.span: call for call in fn.calls}
    found = [calls[span] for span in called if span in calls]
    return found if len(found) == len(called) else []


def _holds(assigned: Span, value: Span, exact: bool) -> bool:
    return assigned == value or (not exact and assigned.contains(value))


def _own_nodes(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    """The nodes of ``node``'s body, nested functions, lambdas and classes themselves
    included but not what they hold."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = list(node.body)
    while stack:
        child = stack.pop()
        found.append(child)
        if not isinstance(child, _NESTED):
            stack.extend(ast.iter_child_nodes(child))
    return found


def statements_through(
    fn: Function, value: Span, calls: list[Call], tree: ast.Module
) -> Span | None:
    """The statements from the one holding ``value`` to the last holding one of
    ``calls``, when they follow each other in one block of ``fn``: where a client
    made for the lookup must stay open (``fn = getattr(requests, method)`` then
    ``fn(url)``); None when the calls are not all in that block after it."""
    node = function_in(tree, fn)
    if node is None:
        return None
    found: list[Span] = []
    for child in [node, *_own_nodes(node)]:
        for body in _bodies(child):
            spans = [span_of(stmt) for stmt in body]
            first = next((i for i, s in enumerate(spans) if s.contains(value)), None)
            holding = [
                next((i for i, s in enumerate(spans) if s.contains(call.span)), None)
                for call in calls
            ]
            if first is None or any(i is None or i < first for i in holding):
                continue
            last = max(i for i in holding if i is not None)
            start, end = spans[first], spans[last]
            found.append(Span(start.line, start.col, end.end_line, end.end_col))
    # The innermost block holding both: a lookup in an ``if`` called after it takes
    # the whole ``if`` in.
    return min(found, key=lambda s: (s.end_line - s.line, s.end_col - s.col), default=None)


def _bodies(node: ast.AST) -> list[list[ast.stmt]]:
    if isinstance(node, _NESTED[2:]):
        return []
    return (
        [
            value
            for field in ("body", "orelse", "finalbody")
            if isinstance(value := getattr(node, field, None), list)
            and value
            and isinstance(value[0], ast.stmt)
        ]
        + [handler.body for handler in getattr(node, "handlers", ())]
        + [case.body for case in getattr(node, "cases", ())]
    )


def chosen_values(fn: Function, value: Span, tree: ast.Module) -> tuple[Span, list[Span]] | None:
    """``send = self.session.post if self.session else requests.post``: the value
    assigned to a local in ``fn`` that is ``value`` or has it as a branch of a
    conditional, and the spans of all its branches; None when there is none."""
    node = function_in(tree, fn)
    for child in _own_nodes(node) if node is not None else ():
        if (
            isinstance(child, ast.Assign)
            and len(child.targets) == 1
            and isinstance(child.targets[0], ast.Name)
        ):
            spans = [span_of(branch) for branch in _branches(child.value)]
            if value in spans:
                return span_of(child.value), spans
    return None


def _branches(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.IfExp):
        return [*_branches(node.body), *_branches(node.orelse)]
    return [node]
