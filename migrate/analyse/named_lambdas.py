"""Lambdas bound to a local name (``get = lambda u: session.get(u).json()``).

Such a lambda is a nested function in all but syntax: the analysis reads it
as ``def get(u): return session.get(u).json()``, so its calls are its own,
the calls of ``get(...)`` reach it, and when it comes to await the rewrite
writes it as the nested ``async def`` it then is (a lambda cannot await; it
used to make its function stay sync, or leave its call un-awaited). One
bound more than once, outside a function, or handed on as a value (whoever
calls it then may not await) stays a lambda.
"""

from __future__ import annotations

import ast


def named_lambda(node: ast.Assign, function: ast.AST | None) -> ast.FunctionDef | None:
    """The nested function ``name = lambda ...:`` in ``function`` stands for, if it is one."""
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    if not isinstance(node.value, ast.Lambda):
        return None
    name = node.targets[0].id
    bindings = [
        n
        for n in ast.walk(function)
        if (isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load))
        or (isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and n.name == name)
        or (isinstance(n, ast.arg) and n.arg == name)
    ]
    if len(bindings) != 1 or name in _nonlocal_names(function):
        return None
    # Only called by name (``get(u)``): handed on as a value (``sorted(key=get)``), its
    # receiver calls it, which may not await; it stays a lambda (see lambdas).
    called = {id(n.func) for n in ast.walk(function) if isinstance(n, ast.Call)}
    loads = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
    ]
    if not all(id(n) in called for n in loads):
        return None
    lam = node.value
    body = ast.copy_location(ast.Return(lam.body), lam.body)
    made = ast.FunctionDef(name=name, args=lam.args, body=[body], decorator_list=[])
    return ast.copy_location(made, node)


def _nonlocal_names(function: ast.AST) -> set[str]:
    return {
        name
        for n in ast.walk(function)
        if isinstance(n, ast.Global | ast.Nonlocal)
        for name in n.names
    }
