"""Thread pools that only ran fan-outs: once those are gathers, the pool goes.

``with ThreadPoolExecutor(...) as pool:`` loses its ``with`` (the block stays);
``pool = ThreadPoolExecutor(...)`` loses its assignment and the statements that
shut it down (``pool.shutdown()``, alone or as the whole ``finally`` of a try).
"""

from __future__ import annotations

import ast

from .. import dataflow
from ..model import Span
from .model import span_of


def idle_pools(
    function: ast.FunctionDef | ast.AsyncFunctionDef, gathered: list[Span]
) -> dict[Span, tuple[Span, ...]]:
    """Gathered fan-out -> the statements of the pool it alone used, which go: the
    ``with`` (or the assignment) first, then any ``pool.shutdown()``.

    A pool qualifies when every use of its name is inside one of the ``gathered``
    spans (``pool.map(...)``, ``[pool.submit(...) ...]``), or shuts it down.
    """
    found: dict[Span, tuple[Span, ...]] = {}
    names = [n for n in ast.walk(function) if isinstance(n, ast.Name)]
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.With) and len(node.items) == 1:
            item = node.items[0]
            if not (_executor(item.context_expr) and isinstance(item.optional_vars, ast.Name)):
                continue
            pool = item.optional_vars.id
            uses = [n for s in node.body for n in ast.walk(s) if _named(n, pool)]
            shutdowns: list[ast.stmt] = []
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and _executor(node.value)
        ):
            pool = node.targets[0].id
            if sum(isinstance(n.ctx, ast.Store) for n in names if n.id == pool) != 1:
                continue
            uses = [n for n in names if n.id == pool and n is not node.targets[0]]
            shutdowns = _shutdowns(_block_after(function, node), pool)
        else:
            continue
        closing = {id(n) for stmt in shutdowns for n in ast.walk(stmt)}
        owners = {_owner(span_of(use), gathered) for use in uses if id(use) not in closing}
        if owners and None not in owners:
            for owner in owners:
                if owner is not None:
                    found[owner] = (span_of(node), *(span_of(s) for s in shutdowns))
    return found


def _named(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _block_after(function: ast.AST, stmt: ast.stmt) -> list[ast.stmt]:
    """The statements after ``stmt`` in its block."""
    for node in dataflow.walk_local(function):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and any(s is stmt for s in block):
                return block[[id(s) for s in block].index(id(stmt)) + 1 :]
    return []


def _executor(made: ast.expr) -> bool:
    return isinstance(made, ast.Call) and (dataflow.path_of(made.func) or "").endswith(
        "ThreadPoolExecutor"
    )


def _shutdowns(block: list[ast.stmt], pool: str) -> list[ast.stmt]:
    """``pool.shutdown(...)`` statements of ``block``, and ``try`` statements whose
    ``finally`` is only that (these go: the try's body stays)."""
    found: list[ast.stmt] = []
    for stmt in block:
        if _is_shutdown(stmt, pool):
            found.append(stmt)
        elif isinstance(stmt, ast.Try) and stmt.finalbody:
            if all(_is_shutdown(s, pool) for s in stmt.finalbody):
                found.extend(stmt.finalbody)
    return found


def _is_shutdown(stmt: ast.stmt, pool: str) -> bool:
    call = stmt.value if isinstance(stmt, ast.Expr) else None
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "shutdown"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == pool
    )


def _owner(use: Span, gathered: list[Span]) -> Span | None:
    for span in gathered:
        if (span.line, span.col) <= (use.line, use.col) and (use.end_line, use.end_col) <= (
            span.end_line,
            span.end_col,
        ):
            return span
    return None
