"""A value bound on the statement right before its one use, which may take it in.

``req = Request(...)`` then ``urlopen(req)``, ``request = requests.Request(...)``
then ``session.prepare_request(request)``, ``worker = partial(f, a)`` then
``pool.map(worker, xs)``: the name is bound there only and read by that call
only, the call runs once in the next statement (not in a loop, a lambda or a
nested function of it), so nothing runs between and the value is what it was
when it was made. A rewrite may then read the call as if the value were
written in it.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable


def bound_just_before(
    call: ast.Call,
    function: ast.AST,
    resolve: Callable[[ast.AST], str | None],
    makers: frozenset[str],
) -> ast.Assign | None:
    """The assignment of ``call``'s first argument, a name, to a call of one of
    ``makers`` on the statement right before (see the module docstring), or None."""
    first = call.args[0] if call.args else None
    if not isinstance(first, ast.Name):
        return None
    name = first.id
    uses = [n for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == name]
    if len(uses) != 2:  # the binding and this use
        return None
    for node in ast.walk(function):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for stmt, after in itertools.pairwise(block):
                if (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                    and stmt.targets[0].id == name
                    and isinstance(stmt.value, ast.Call)
                    and resolve(stmt.value.func) in makers
                    and _runs_once_in(call, after)
                ):
                    return stmt
    return None


def _runs_once_in(call: ast.Call, stmt: ast.stmt) -> bool:
    """Whether ``call`` is in ``stmt``, outside any loop, function or comprehension."""
    parents = {id(child): node for node in ast.walk(stmt) for child in ast.iter_child_nodes(node)}
    node: ast.AST | None = call
    while node is not None and node is not stmt:
        node = parents.get(id(node))
        if isinstance(node, ast.For | ast.AsyncFor | ast.While | ast.Lambda | ast.comprehension):
            return False
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return False
    return node is stmt
