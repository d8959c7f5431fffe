"""Futures that hold results once their thread pool became a gather: named for what they hold.

``futures = [pool.submit(get_user, base, i) for i in ids]`` becomes a gather of
``get_user(base, i)``: the list holds users, and ``for future in futures:
future.result()`` walks users. Both names are renamed after the submitted
function (``users``, ``user``), the way fan-out results are named elsewhere.
"""

from __future__ import annotations

import ast
import itertools

from .. import dataflow
from ..futures import local_only, names, result_receivers, scope_of, walkers
from ..model import Span
from .base import Scan
from .model import span_of

# Names that speak of work still running: they no longer fit a list of results.
PENDING_WORDS = ("fut", "task", "job", "pending")
PENDING_NAMES = frozenset({"f", "fs", "ft"})


def result_renames(
    function: ast.FunctionDef | ast.AsyncFunctionDef, submitted: Span
) -> tuple[tuple[Span, str], ...]:
    """New names for the futures list made by the comprehension at ``submitted``
    and for the loop variables walking it: every occurrence, by position.

    Nothing is renamed unless every use is in the function itself (no nested
    function, lambda or class sees the name) and the list is assigned once; a
    loop variable only when it serves nothing but ``.result()`` calls.
    """
    assign = next(
        (
            n
            for n in dataflow.walk_local(function)
            if isinstance(n, ast.Assign)
            and span_of(n.value) == submitted
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
            and isinstance(n.value, ast.ListComp)
        ),
        None,
    )
    element: ast.expr | None = None
    if assign is None:
        assign, element = _appended(function, submitted)
    elif isinstance(assign.value, ast.ListComp):
        element = assign.value.elt
    if assign is None or element is None:
        return ()
    if not isinstance(element, ast.Call) or not element.args:
        return ()
    listed = assign.targets[0].id  # type: ignore[attr-defined]
    if not _pending(listed) or not local_only(function, listed, once=assign):
        return ()
    scan = Scan(function, {}, [])
    scan._taken = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)} | {
        a.arg for a in ast.walk(function) if isinstance(a, ast.arg)
    }
    made = ast.Call(func=element.args[0], args=element.args[1:], keywords=element.keywords)
    plural = scan._plural(scan._noun(made))
    renames = [(span_of(n), plural) for n in names(function, listed)]
    results = result_receivers(function)
    item = ""
    for walker, target in walkers(function, listed):
        if not _pending(target.id):
            continue
        scope = scope_of(function, walker)
        uses = [n for n in names(scope, target.id) if n is not target]
        if not all(id(use) in results for use in uses):
            continue
        if isinstance(walker, ast.For) and not local_only(function, target.id, once=walker):
            continue
        if isinstance(walker, ast.For):
            item = item or scan._result_name(made)
            name = item
        else:
            name = scan._scoped_name(made, walker)  # a comprehension's own name
        renames += [(span_of(n), name) for n in (target, *uses)]
    return tuple(renames)


def _appended(
    function: ast.FunctionDef | ast.AsyncFunctionDef, submitted: Span
) -> tuple[ast.Assign | None, ast.expr | None]:
    """``futures = []`` and ``pool.submit(f, x)`` of ``for x in xs:
    futures.append(pool.submit(f, x))`` at ``submitted`` (the loop)."""
    for node in dataflow.walk_local(function):
        for block in (getattr(node, f, None) for f in ("body", "orelse", "finalbody")):
            if not isinstance(block, list):
                continue
            for before, loop in itertools.pairwise(block):
                if not (isinstance(loop, ast.For) and span_of(loop) == submitted):
                    continue
                line = loop.body[0] if len(loop.body) == 1 else None
                call = line.value if isinstance(line, ast.Expr) else None
                if (
                    isinstance(before, ast.Assign)
                    and len(before.targets) == 1
                    and isinstance(before.targets[0], ast.Name)
                    and isinstance(call, ast.Call)
                    and len(call.args) == 1
                ):
                    return before, call.args[0]
    return None, None


def _pending(name: str) -> bool:
    lowered = name.lower()
    return lowered in PENDING_NAMES or any(word in lowered for word in PENDING_WORDS)
