"""Futures that hold results once their thread pool became a gather: named for what they hold.

``futures = [pool.submit(get_user, base, i) for i in ids]`` becomes a gather of
``get_user(base, i)``: the list holds users, and ``for future in futures:
future.result()`` walks users. Both names are renamed after the submitted
function (``users``, ``user``), the way fan-out results are named elsewhere.
"""

from __future__ import annotations

import ast

from .. import dataflow
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
    if assign is None or not isinstance(assign.value, ast.ListComp):
        return ()
    element = assign.value.elt
    if not isinstance(element, ast.Call) or not element.args:
        return ()
    listed = assign.targets[0].id  # type: ignore[attr-defined]
    if not _pending(listed) or not _local_only(function, listed, once=assign):
        return ()
    scan = Scan(function, {}, [])
    scan._taken = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)} | {
        a.arg for a in ast.walk(function) if isinstance(a, ast.arg)
    }
    made = ast.Call(func=element.args[0], args=element.args[1:], keywords=element.keywords)
    plural = scan._plural(scan._result_base(made))
    renames = [(span_of(n), plural) for n in _names(function, listed)]
    results = _result_receivers(function)
    item = ""
    for walker, target in _walkers(function, listed):
        if not _pending(target.id):
            continue
        scope = _scope_node(function, walker)
        uses = [n for n in _names(scope, target.id) if n is not target]
        if not all(id(use) in results for use in uses):
            continue
        if isinstance(walker, ast.For) and not _local_only(function, target.id, once=walker):
            continue
        item = item or scan._result_name(made)
        renames += [(span_of(n), item) for n in (target, *uses)]
    return tuple(renames)


def _pending(name: str) -> bool:
    lowered = name.lower()
    return lowered in PENDING_NAMES or any(word in lowered for word in PENDING_WORDS)


def _names(node: ast.AST, name: str) -> list[ast.Name]:
    """``name`` where ``node`` sees it: not in nested functions, nor in comprehensions
    that bind a ``name`` of their own."""
    own = {
        id(sub)
        for comp in dataflow.walk_local(node)
        if isinstance(comp, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp)
        and comp is not node
        and any(name in dataflow.assigned_names(g) for g in comp.generators)
        for sub in ast.walk(comp)
    }
    return [
        n
        for n in dataflow.walk_local(node)
        if isinstance(n, ast.Name) and n.id == name and id(n) not in own
    ]


def _local_only(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, once: ast.AST) -> bool:
    """``name`` is bound once (by ``once``), only seen in ``function``'s own scope."""
    everywhere = [n for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == name]
    local = [n for n in dataflow.walk_local(function) if isinstance(n, ast.Name) and n.id == name]
    if len(everywhere) != len(local) or any(
        isinstance(a, ast.arg) and a.arg == name for a in ast.walk(function.args)
    ):
        return False
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.Global | ast.Nonlocal) and name in node.names:
            return False
    stores = [n for n in _names(function, name) if not isinstance(n.ctx, ast.Load)]
    bound = once.target if isinstance(once, ast.For | ast.comprehension) else None
    if isinstance(once, ast.Assign):
        bound = once.targets[0]
    return stores == [bound]


def _walkers(
    function: ast.FunctionDef | ast.AsyncFunctionDef, listed: str
) -> list[tuple[ast.For | ast.comprehension, ast.Name]]:
    """``for x in futures`` loops and comprehension clauses, with their (plain name) targets."""
    found: list[tuple[ast.For | ast.comprehension, ast.Name]] = []
    for node in dataflow.walk_local(function):
        if (
            isinstance(node, ast.For | ast.comprehension)
            and isinstance(node.iter, ast.Name)
            and node.iter.id == listed
            and isinstance(node.target, ast.Name)
        ):
            found.append((node, node.target))
    return found


def _scope_node(function: ast.AST, walker: ast.For | ast.comprehension) -> ast.AST:
    """Where a loop variable can be read: the comprehension holding the clause, or
    the function for a ``for`` statement (its variable outlives the loop)."""
    if isinstance(walker, ast.For):
        return function
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            if walker in node.generators:
                return node
    return function


def _result_receivers(function: ast.AST) -> set[int]:
    """Names ``x`` called as ``x.result()``: the call the rewrite replaces by ``x``."""
    return {
        id(node.func.value)
        for node in dataflow.walk_local(function)
        if isinstance(node, ast.Call)
        and not node.args
        and not node.keywords
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "result"
        and isinstance(node.func.value, ast.Name)
    }
