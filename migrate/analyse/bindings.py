"""How often one scope's own code binds each name.

A name bound once (to a function, a name chain) may stand for what it was
bound to; one bound again, deleted, augmented or declared elsewhere may not.
Aliases inside functions (aliases.py) and at a module's top (global_aliases.py)
ask the same question of their scope.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable

from .scopes import Comprehension

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def binding_counts(
    body: list[ast.stmt], visit: Callable[[ast.AST], None] | None = None
) -> Counter[str]:
    """How often the code of one scope (a function's body, a module's) binds each
    name, not counting nested functions' and classes' own; an augmented or
    annotated assignment counts twice (a name so bound is never an alias).
    ``visit`` is called with each node of the scope on the way."""
    bindings: Counter[str] = Counter()
    stack: list[ast.AST] = list(body)
    while stack:
        child = stack.pop()
        if isinstance(child, Comprehension):
            # Only ``:=`` in a comprehension binds in the scope.
            for inner in ast.walk(child):
                if isinstance(inner, ast.NamedExpr):
                    bindings[inner.target.id] += 1
            continue
        if isinstance(child, _SCOPES):
            if not isinstance(child, ast.Lambda):
                bindings[child.name] += 1
            continue
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store | ast.Del):
            bindings[child.id] += 1
        elif isinstance(child, ast.AugAssign | ast.AnnAssign) and isinstance(
            child.target, ast.Name
        ):
            bindings[child.target.id] += 1  # counted again: never an alias
        elif isinstance(child, ast.Import | ast.ImportFrom):
            for alias in child.names:
                bindings[(alias.asname or alias.name).split(".")[0]] += 1
        if visit is not None:
            visit(child)
        stack.extend(ast.iter_child_nodes(child))
    return bindings
