"""Thread pools that only ran fan-outs: once those are gathers, the ``with`` goes."""

from __future__ import annotations

import ast

from .. import dataflow
from ..model import Span
from .model import span_of


def idle_pools(
    function: ast.FunctionDef | ast.AsyncFunctionDef, gathered: list[Span]
) -> dict[Span, Span]:
    """Gathered fan-out -> the ``with ThreadPoolExecutor() as pool:`` it alone used.

    A pool qualifies when every use of its name in the block is inside one of
    the ``gathered`` spans (``pool.map(...)``, ``[pool.submit(...) ...]``).
    """
    found: dict[Span, Span] = {}
    for node in dataflow.walk_local(function):
        if not isinstance(node, ast.With) or len(node.items) != 1:
            continue
        item = node.items[0]
        made = item.context_expr
        if not (
            isinstance(made, ast.Call)
            and (dataflow.path_of(made.func) or "").endswith("ThreadPoolExecutor")
            and isinstance(item.optional_vars, ast.Name)
        ):
            continue
        pool = item.optional_vars.id
        uses = [
            n
            for stmt in node.body
            for n in dataflow.walk_local(stmt)
            if isinstance(n, ast.Name) and n.id == pool
        ]
        owners = {_owner(span_of(use), gathered) for use in uses}
        if uses and None not in owners:
            for owner in owners:
                if owner is not None:
                    found[owner] = span_of(node)
    return found


def _owner(use: Span, gathered: list[Span]) -> Span | None:
    for span in gathered:
        if (span.line, span.col) <= (use.line, use.col) and (use.end_line, use.end_col) <= (
            span.end_line,
            span.end_col,
        ):
            return span
    return None
