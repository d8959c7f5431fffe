"""Locals that only ever name one thing outside the function: ``patch =
unittest.mock.patch`` (with ``from unittest.mock import patch`` as its fallback
in an ``except``), ``Session = requests.sessions.Session``.

A name a function binds is a local, which hides the module's names, so the
analysis cannot tell what it holds in general. When every binding of it in the
function's own body is an import or an assignment of a name chain, and all of
them name the same thing (resolved where the function is defined: the chain's
head no local of the function), the local is that thing: ``patch(...)`` is
``unittest.mock.patch(...)``. Not for what the catalogue rewrites by the call
as written (``get = requests.get`` stays a value, see values), nor for
builtins; the project's own functions bound so are stand-ins (see aliases).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .catalogue import lookup
from .scopes import Comprehension
from .tree import dotted, resolve_relative

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def local_chains(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    bound: frozenset[str],
    resolve: Callable[[ast.expr], str | None],
    module: tuple[str, bool],
) -> dict[str, str]:
    """The locals of ``node`` that name one thing, and what (see the module docstring).
    ``module`` is the module's name and whether it is a package (relative imports)."""
    named: dict[str, set[str | None]] = {}
    assigned: set[str] = set()
    other: set[str] = set()
    stack: list[ast.AST] = list(node.body)
    while stack:
        child = stack.pop()
        if isinstance(child, _SCOPES):
            if not isinstance(child, ast.Lambda):
                other.add(child.name)
            continue
        if isinstance(child, Comprehension):
            # Only ``:=`` in a comprehension binds in the function.
            other.update(
                n.target.id
                for n in ast.walk(child)
                if isinstance(n, ast.NamedExpr) and isinstance(n.target, ast.Name)
            )
            continue
        if isinstance(child, ast.Assign) and _one_name(child):
            name = child.targets[0].id  # type: ignore[attr-defined]
            head = dotted(child.value)
            if head and head[0] not in bound:
                named.setdefault(name, set()).add(resolve(child.value))
                assigned.add(name)
                stack.append(child.value)
                continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            for alias, imported in _imported(child, module):
                named.setdefault(alias, set()).add(imported)
        elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store | ast.Del):
            other.add(child.id)
        elif isinstance(child, ast.Global | ast.Nonlocal):
            other.update(child.names)
        elif isinstance(child, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and child.name:
            other.add(child.name)
        elif isinstance(child, ast.AugAssign | ast.AnnAssign) and isinstance(
            child.target, ast.Name
        ):
            other.add(child.target.id)
        stack.extend(ast.iter_child_nodes(child))
    found: dict[str, str] = {}
    for name in assigned - other:
        targets = named[name]
        target = next(iter(targets))
        if len(targets) != 1 or target is None or target.startswith("builtins."):
            continue
        if lookup(target) is None:
            found[name] = target
    return found


def _one_name(node: ast.Assign) -> bool:
    return len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)


def _imported(node: ast.Import | ast.ImportFrom, module: tuple[str, bool]) -> list[tuple[str, str]]:
    if isinstance(node, ast.Import):
        return [
            (alias.asname, alias.name) if alias.asname else (alias.name.split(".")[0],) * 2
            for alias in node.names
        ]
    base = (
        resolve_relative(module[0], module[1], node.level, node.module)
        if node.level
        else node.module or ""
    )
    return [(alias.asname or alias.name, f"{base}.{alias.name}") for alias in node.names]
