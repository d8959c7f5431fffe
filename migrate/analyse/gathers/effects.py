"""What the code before a failing fetch did that its caller can still see.

The legacy loop handled items ``0 .. k-1`` (appended to ``self.seen``, logged,
sent their other requests), then raised at item ``k``'s fetch; a block ran the
statements between its first fetch and a later, failing one. A gather that
raises at once skips all of that; when any of it can be seen after the
failure, the gather hands back each call's outcome instead, and the code
raises the failure where the legacy code did.

Writes to a list, dict or set the function made itself (``out = []``) and
handed to no one cannot be seen once the exception leaves the function,
unless a ``try`` around the loop looks at them: those alone don't count.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from .. import dataflow
from .syntax import within

LOGGING_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)
# Calls that only make a new empty (or copied) container.
FRESH_CONTAINERS = frozenset({"list", "dict", "set", "collections.defaultdict", "defaultdict"})


def seen_after_failure(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    where: ast.stmt,
    kept: Sequence[ast.AST],
    gathered: list[ast.Call],
    awaited: set[int],
    unknown_calls: bool = True,
) -> str:
    """What the statements ``kept`` do that is seen once a fetch failed, as the plan
    words it ("" for nothing): ``where`` is the loop (or the last statement) they
    run in, ``awaited`` the ids of the calls that are (or become) awaits,
    ``gathered`` the fetches the gather makes. Without ``unknown_calls``, calls
    of functions nothing is known about don't count: only what surely changes
    something (a container's ``append``, logging, an assignment) does."""
    guarded = _inside_try(function, where)
    fresh = set() if guarded else fresh_locals(function, where)
    for stmt in kept:
        for node in dataflow.walk_local(stmt):
            if isinstance(node, ast.Call) and not any(within(node, c) for c in gathered):
                seen = _call_seen(node, fresh, awaited, unknown_calls)
                if seen:
                    return seen
            if isinstance(node, ast.Global | ast.Nonlocal):
                return f"it sets {', '.join(node.names)} outside the function"
            for target in stored_targets(node):
                if isinstance(target, ast.Name):
                    if guarded:
                        return f"a try around it can read {target.id}"
                    continue
                base = target_base(target)
                if base not in fresh:
                    return f"it changes {ast.unparse(target)}"
    return ""


def _call_seen(call: ast.Call, fresh: set[str], awaited: set[int], unknown: bool = True) -> str:
    func = call.func
    name = dataflow.path_of(func) or ""
    if id(call) in awaited:
        return f"it calls {name or 'an awaited function'} per item"
    if isinstance(func, ast.Attribute):
        if func.attr in LOGGING_METHODS:
            return "it logs per item"
        receiver = target_base(func.value)
        if receiver in fresh or func.attr in dataflow.READ_ONLY_METHODS:
            return ""
    if name == "print":
        return "it prints per item"
    if name in dataflow.PURE_FUNCTIONS or name.rsplit(".", 1)[-1] in dataflow.PURE_FUNCTIONS:
        return ""
    changes = isinstance(func, ast.Attribute) and func.attr in dataflow.MUTATING_METHODS
    if not unknown and not changes:
        return ""
    return f"it calls {name or ast.unparse(func)}, which may change what others see"


def stored_targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return [t for target in node.targets for t in _unpacked(target)]
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return _unpacked(node.target)
    if isinstance(node, ast.Delete):
        return list(node.targets)
    return []


def _unpacked(target: ast.expr) -> list[ast.expr]:
    if isinstance(target, ast.Tuple | ast.List):
        return [t for elt in target.elts for t in _unpacked(elt)]
    if isinstance(target, ast.Starred):
        return _unpacked(target.value)
    return [target]


def target_base(node: ast.expr) -> str:
    """The name an attribute or subscript chain hangs from (``out`` for ``out[k].x``)."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _inside_try(function: ast.AST, where: ast.stmt) -> bool:
    return any(
        isinstance(node, ast.Try) and any(within(where, s) for s in node.body)
        for node in dataflow.walk_local(function)
    )


def fresh_locals(function: ast.FunctionDef | ast.AsyncFunctionDef, where: ast.stmt) -> set[str]:
    """Names bound only to containers made here, that nothing holds but the name."""
    made: set[str] = set()
    other: set[str] = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    for node in dataflow.walk_local(function):
        if node is function:
            continue
        if isinstance(node, ast.Global | ast.Nonlocal):
            other.update(node.names)
        elif isinstance(node, ast.Assign):
            for target, value in _bindings(node):
                new = value is not None and new_container(value)
                (made if new else other).add(target)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            # ``out: list[dict] = []``; a bare ``out: list[dict]`` binds nothing.
            if node.value is not None:
                (made if new_container(node.value) else other).add(node.target.id)
        elif isinstance(node, ast.NamedExpr):
            other.add(node.target.id)
        else:
            other.update(n for n in dataflow.assigned_names(node) if "." not in n)
    fresh = made - other
    end = (where.end_lineno or where.lineno, where.end_col_offset or 0)
    for node in dataflow.walk_local(function):
        if not isinstance(node, ast.Name) or node.id not in fresh:
            continue
        if (node.lineno, node.col_offset) >= end:
            continue  # after it: reached only when no fetch failed
        if isinstance(node.ctx, ast.Load) and not _used_in_place(function, node):
            fresh.discard(node.id)  # handed on: someone else may hold it
    return fresh


def _bindings(assign: ast.Assign) -> list[tuple[str, ast.expr | None]]:
    """The names an assignment binds, each with its own value when the source shows it."""
    found: list[tuple[str, ast.expr | None]] = []
    for target in assign.targets:
        if isinstance(target, ast.Name):
            found.append((target.id, assign.value))
        elif isinstance(target, ast.Tuple | ast.List):
            values = assign.value.elts if isinstance(assign.value, ast.Tuple | ast.List) else None
            if values is not None and len(values) == len(target.elts):
                found += [(t.id, v) for t, v in zip(target.elts, values) if isinstance(t, ast.Name)]
            else:
                found += [(n, None) for n in dataflow._targets(target) if "." not in n]
    return found


def new_container(value: ast.expr) -> bool:
    if isinstance(value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp):
        return True
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        return new_container(value.left) or new_container(value.right)  # [None] * n
    return (
        isinstance(value, ast.Call)
        and (dataflow.path_of(value.func) or "") in FRESH_CONTAINERS
        and all(isinstance(a, ast.Constant) or new_container(a) for a in value.args)
    )


def _used_in_place(function: ast.AST, name: ast.Name) -> bool:
    """``name.append(x)``, ``name[k]``, ``len(name)``, ``x in name``: used, not handed on."""
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.Attribute | ast.Subscript) and node.value is name:
            return True
        if isinstance(node, ast.Compare) and name in node.comparators:
            return True
        if (
            isinstance(node, ast.Call)
            and name in node.args
            and (dataflow.path_of(node.func) or "") in dataflow.PURE_FUNCTIONS
        ):
            return True
        if isinstance(node, ast.comprehension | ast.For) and node.iter is name:
            return True
    return False
