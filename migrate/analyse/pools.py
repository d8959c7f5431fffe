"""Thread pools' sizes: how many calls a ``ThreadPoolExecutor`` ran at once.

A fan-out that ran in a pool never had more calls in flight than its
``max_workers``: the gather it becomes keeps that bound, and a pool of one
thread, which ran its calls one at a time and in order, stays.
"""

from __future__ import annotations

import ast

from .tree import expr_text


def pool_workers(
    receiver: ast.expr, function: ast.AST | None, module: ast.Module | None = None
) -> int | None:
    """The ``max_workers`` of the thread pool ``receiver`` names, when the source gives
    it as a number: ``with ThreadPoolExecutor(max_workers=4) as pool`` or
    ``pool = ThreadPoolExecutor(WORKERS)`` in ``function`` (``WORKERS = 4`` there or at
    module level). None for anything else: the default pool, a size computed at run
    time, a pool made elsewhere."""
    if function is None or not isinstance(receiver, ast.Name):
        return None
    made = _bound_to(receiver.id, function)
    if len(made) != 1 or not isinstance(made[0], ast.Call):
        return None
    return executor_workers(made[0], function, module)


def executor_workers(
    call: ast.Call, function: ast.AST | None, module: ast.Module | None = None
) -> int | None:
    """``ThreadPoolExecutor(max_workers=4)`` -> 4 (see :func:`pool_workers`)."""
    if expr_text(call.func).rsplit(".", 1)[-1] != "ThreadPoolExecutor":
        return None
    size = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg == "max_workers":
            size = keyword.value
    if isinstance(size, ast.Name) and function is not None:
        values = _bound_to(size.id, function) or (
            _bound_to(size.id, module, top=True) if module is not None else []
        )
        size = values[0] if len(values) == 1 else None
    if isinstance(size, ast.Constant) and type(size.value) is int and size.value >= 1:
        return size.value
    return None


def pool_size(
    receiver: ast.expr, function: ast.AST | None, module: ast.Module | None = None
) -> str:
    """``n`` of ``with ThreadPoolExecutor(max_workers=n) as pool`` when the size is
    known at run time only (see :func:`executor_size`); "" otherwise."""
    if function is None or not isinstance(receiver, ast.Name):
        return ""
    made = _bound_to(receiver.id, function)
    if len(made) != 1 or not isinstance(made[0], ast.Call):
        return ""
    return executor_size(made[0], function, module)


def executor_size(
    call: ast.Call, function: ast.AST | None, module: ast.Module | None = None
) -> str:
    """The source of a pool's size computed at run time, when reading it again where
    the gather runs gives the same number: a name the function never binds (a
    parameter, a global) or an attribute of one it never assigns (``self.workers``),
    or binds only before the ``with`` making the pool (see _rebinding_scope).
    "" for a size the source gives as a number, the default pool, or anything else."""
    if function is None or executor_workers(call, function, module) is not None:
        return ""
    if expr_text(call.func).rsplit(".", 1)[-1] != "ThreadPoolExecutor":
        return ""
    size = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg == "max_workers":
            size = keyword.value
    path = size
    while isinstance(path, ast.Attribute):
        path = path.value
    if size is None or not isinstance(path, ast.Name):
        return ""
    text = expr_text(size)
    for node in (n for top in _rebinding_scope(call, function) for n in ast.walk(top)):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.For | ast.withitem):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.optional_vars if isinstance(node, ast.withitem) else node.target]
            )
            written = [n for t in targets if t is not None for n in ast.walk(t)]
            if any(expr_text(n) == text for n in written if isinstance(n, ast.expr)):
                return ""
        elif isinstance(node, ast.NamedExpr) and expr_text(node.target) == text:
            return ""
        elif isinstance(node, ast.Global | ast.Nonlocal) and text.split(".")[0] in node.names:
            return ""
    if _defaults_to_none(function, path.id):
        return ""  # ``max_workers=None``: the default pool, whose size the code doesn't say
    return text


def _rebinding_scope(call: ast.Call, function: ast.AST) -> list[ast.AST]:
    """Where a binding of the size would make it differ where the gather reads it:
    the body of ``with ThreadPoolExecutor(n) as pool:`` (the gather takes the place
    of what runs in it, and ``n = min(n, len(chunks))`` before the ``with``, in a
    loop too, sized this pool as it sizes the gather), else the whole function."""
    for node in ast.walk(function):
        if isinstance(node, ast.With) and any(item.context_expr is call for item in node.items):
            return [*node.items, *node.body]
    return [function]


def _defaults_to_none(function: ast.AST, name: str) -> bool:
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    params = function.args
    positional = [*params.posonlyargs, *params.args]
    pairs = list(zip(positional[len(positional) - len(params.defaults) :], params.defaults))
    pairs += [(a, d) for a, d in zip(params.kwonlyargs, params.kw_defaults) if d is not None]
    return any(a.arg == name and isinstance(d, ast.Constant) and d.value is None for a, d in pairs)


def _bound_to(name: str, scope: ast.AST, top: bool = False) -> list[ast.expr]:
    """What ``name`` is bound to in ``scope`` (``with ... as name`` too)."""
    found: list[ast.expr] = []
    nodes = scope.body if top and isinstance(scope, ast.Module) else [scope]
    for node in (n for top_node in nodes for n in _walk(top_node, top)):
        if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            if node.optional_vars.id == name:
                found.append(node.context_expr)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                found.append(node.value)
    return found


def _walk(node: ast.AST, top: bool) -> list[ast.AST]:
    """``ast.walk``; at module level (``top``), not into functions and classes, whose
    names are not the module's."""
    if not top:
        return list(ast.walk(node))
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        found.append(current)
        stack.extend(ast.iter_child_nodes(current))
    return found


def one_at_a_time(workers: int | None) -> str | None:
    """Why a pool of one thread keeps its calls in order (None for a larger pool)."""
    if workers != 1:
        return None
    return (
        "the thread pool runs one call at a time (max_workers=1), so the upstream never"
        " saw two at once; a larger max_workers would let the calls run together"
    )
