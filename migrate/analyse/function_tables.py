"""Tables of functions a module keeps: ``COMMANDS = {"get": cmd_get, "head": cmd_head}``
then ``COMMANDS[args.cmd](url)``.

A call through such a table is a call of one of its functions, as a call
through a loop variable over functions is (see loop_functions): one await
serves them all when they become async together. Only a global bound once,
to a dict literal whose values all name functions, and never stored into
(``COMMANDS[name] = f`` elsewhere could put anything there), is followed.
"""

from __future__ import annotations

import ast
from collections.abc import Callable


def function_tables(
    tree: ast.Module, resolve: Callable[[ast.AST], str | None]
) -> dict[str, tuple[str, ...]]:
    """``{"COMMANDS": ("pkg.cli.cmd_get", "pkg.cli.cmd_head")}`` for ``tree``."""
    found: dict[str, tuple[str, ...]] = {}
    for stmt in tree.body:
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Dict)
            and stmt.value.values
        ):
            continue
        values = stmt.value.values
        if not all(isinstance(v, ast.Name | ast.Attribute) for v in values):
            continue
        targets = [resolve(v) for v in values]
        if all(targets):
            found[stmt.targets[0].id] = tuple(dict.fromkeys(t for t in targets if t))
    if not found:
        return found
    tables = {id(s.targets[0]) for s in tree.body if isinstance(s, ast.Assign)}
    for node in ast.walk(tree):
        # Bound again, or stored into: what it holds is not known here.
        if (
            isinstance(node, ast.Subscript)
            and not isinstance(node.ctx, ast.Load)
            and isinstance(node.value, ast.Name)
        ):
            found.pop(node.value.id, None)
        if (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Store)
            and id(node) not in tables
        ):
            found.pop(node.id, None)
    return found
