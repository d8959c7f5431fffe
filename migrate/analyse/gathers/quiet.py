"""Functions that change nothing their callers can see.

A loop body run per item may call ``to_card(info)``: the items then call it
in the order they finish instead of the items' order, which is harmless when
the function only computes a value from its arguments. Known from its source,
wherever the call graph says it is (the same module, another one, a method):
it sets no global, changes nothing but the containers it made itself, and
calls only pure builtins, read-only methods, logging, container methods of
what it made, and other such functions.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .. import dataflow
from .effects import LOGGING_METHODS, new_container, stored_targets, target_base

# Whether a call (in the function being scanned) is of a function that changes
# nothing its callers see, judged by its source; None when it is not one of the
# project's functions. Given by the analysis, which knows the call graph.
QuietCalls = Callable[[ast.Call], "bool | None"]


def unknown_callees(call: ast.Call) -> bool | None:
    return None


def quiet_function(function: ast.FunctionDef | ast.AsyncFunctionDef, calls: QuietCalls) -> bool:
    """Whether ``function`` changes nothing its callers see; ``calls`` judges the
    functions it calls in turn."""
    if isinstance(function, ast.AsyncFunctionDef) or function.decorator_list:
        return False
    made = _made(function)
    for node in dataflow.walk_local(function):
        if node is function:
            continue
        if isinstance(node, ast.Global | ast.Nonlocal | ast.Yield | ast.YieldFrom | ast.Await):
            return False
        for target in stored_targets(node):
            if not isinstance(target, ast.Name) and target_base(target) not in made:
                return False
        if isinstance(node, ast.Call) and not judged(node, made, calls):
            return False
    return True


def judged(call: ast.Call, made: set[str], calls: QuietCalls) -> bool:
    """A call that changes nothing outside ``made``: a project function by its
    source (``calls``), anything else by its form."""
    quiet = calls(call)
    return quiet_call(call, made) if quiet is None else quiet


def quiet_call(call: ast.Call, made: set[str]) -> bool:
    """A call known to change nothing outside ``made`` (the containers the code made)
    by its form alone: pure builtins, read-only methods, logging, container methods."""
    func = call.func
    if isinstance(func, ast.Attribute):
        if func.attr in LOGGING_METHODS or func.attr in dataflow.READ_ONLY_METHODS:
            return True
        if target_base(func.value) in made and func.attr in dataflow.MUTATING_METHODS:
            return True
        return False
    path = dataflow.path_of(func) or ""
    return path in dataflow.PURE_FUNCTIONS


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
