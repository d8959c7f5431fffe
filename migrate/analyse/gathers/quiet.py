"""Functions of a module that change nothing their callers can see.

A loop body run per item may call ``to_card(info)``: the items then call it
in the order they finish instead of the items' order, which is harmless when
the function only computes a value from its arguments. Known from its source
alone, when the module defines it once: it sets no global, changes nothing
but the containers it made itself, and calls only pure builtins, read-only
methods, logging, methods of what it made, and other such functions.
"""

from __future__ import annotations

import ast

from .. import dataflow
from .effects import LOGGING_METHODS, new_container, stored_targets, target_base


def quiet_function(name: str, module: ast.Module | None) -> bool:
    """Whether the module's function ``name`` changes nothing its callers see."""
    return _quiet(name, module, set())


def _quiet(name: str, module: ast.Module | None, seen: set[str]) -> bool:
    if module is None or name in seen:
        return False  # unknown, or recursive: not worth following
    defined = [
        node
        for node in module.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Assign)
        and name in set(dataflow.assigned_names(node))
    ]
    if len(defined) != 1 or not isinstance(defined[0], ast.FunctionDef):
        return False
    function = defined[0]
    if function.decorator_list:
        return False
    seen = seen | {name}
    made = _made(function)
    for node in dataflow.walk_local(function):
        if node is function:
            continue
        if isinstance(node, ast.Global | ast.Nonlocal | ast.Yield | ast.YieldFrom | ast.Await):
            return False
        for target in stored_targets(node):
            if not isinstance(target, ast.Name) and target_base(target) not in made:
                return False
        if isinstance(node, ast.Call) and not _quiet_call(node, made, module, seen):
            return False
    return True


def _quiet_call(call: ast.Call, made: set[str], module: ast.Module | None, seen: set[str]) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute):
        if func.attr in LOGGING_METHODS or func.attr in dataflow.READ_ONLY_METHODS:
            return True
        if target_base(func.value) in made and func.attr in dataflow.MUTATING_METHODS:
            return True
    path = dataflow.path_of(func) or ""
    if path in dataflow.PURE_FUNCTIONS or path.rsplit(".", 1)[-1] in dataflow.PURE_FUNCTIONS:
        return True
    return isinstance(func, ast.Name) and _quiet(func.id, module, seen)


def _made(function: ast.FunctionDef) -> set[str]:
    """Local names only ever bound to a container the function made (``card = {}``)."""
    made: set[str] = set()
    other = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    for node in dataflow.walk_local(function):
        if node is function:
            continue
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            # ``card["x"] = v`` changes the container, it does not bind the name again.
            names = {
                n.id
                for t in targets
                for n in ast.walk(t)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
            }
            fresh = isinstance(node, ast.Assign) and new_container(node.value)
            (made if fresh else other).update(names)
        else:
            other.update(n for n in dataflow.assigned_names(node) if "." not in n)
    return made - other
