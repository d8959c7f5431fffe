"""Where a plain function hands back what a call gave: ``return self._pages(url)``,
or ``pages = self._pages(url)`` ... ``return pages`` with the local read nowhere
else. When each such call gives a generator, the function is a relay (see
generators.mark_relays): its callers consume what it hands back."""

from __future__ import annotations

import ast

from .model import Span
from .scopes import is_generator, own_nodes
from .tree import span_of


def relayed_calls(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[Span, ...]:
    """Where a plain function's returns are, when each returns a call's result
    (``return self._pages(url)``), and it returns at all."""
    returns = [sub for sub in own_nodes(node) if isinstance(sub, ast.Return)]
    if isinstance(node, ast.AsyncFunctionDef) or is_generator(node) or not returns:
        return ()
    calls = [_returned_call(r.value, node) for r in returns]
    found = [span_of(c) for c in calls if c is not None]
    return tuple(found) if len(found) == len(returns) else ()


def _returned_call(
    value: ast.expr | None, node: ast.FunctionDef | ast.AsyncFunctionDef
) -> ast.Call | None:
    if isinstance(value, ast.Call) or not isinstance(value, ast.Name):
        return value if isinstance(value, ast.Call) else None
    # ``response = self._pages(...)`` then ``return response``: bound once, read once
    # (nested functions included), by this return.
    uses = [n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == value.id]
    if len(uses) != 2 or value.id in {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}:
        return None
    bound = [
        sub.value
        for sub in own_nodes(node)
        if isinstance(sub, ast.Assign)
        and len(sub.targets) == 1
        and isinstance(sub.targets[0], ast.Name)
        and sub.targets[0].id == value.id
    ]
    return bound[0] if len(bound) == 1 and isinstance(bound[0], ast.Call) else None
