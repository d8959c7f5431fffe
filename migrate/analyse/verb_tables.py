"""Dicts of request functions: ``VERBS = {"get": requests.get}``, called as
``VERBS[method](url)``.

A dict whose values are all requests' module functions, and whose every use
is a call of one of its items, is a table of verbs: its values become the
verbs' names, and each call looks its verb up on a client made for the
statement, ``await getattr(http_client, VERBS[method])(url)``, as
``getattr(requests, method)(url)`` does (see values.looked_up). A table used
any other way (handed on, iterated, imported by another module, rebound)
keeps the review values.py gives it, and its calls stay blocking.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .catalogue import HTTP_VERBS, BlockingCall, lookup
from .graph import CallGraph
from .model import Function, Span
from .names import span_of


@dataclass(frozen=True)
class VerbTable:
    """A dict of request functions called only through its items."""

    module: str
    name: str
    holder: str  # the function the table is made in (``<module>`` for a global)
    values: tuple[tuple[Span, str], ...]  # each function as written, and its verb
    calls: tuple[tuple[str, Span], ...]  # each ``NAME[key](...)``: (function, call)
    entry: BlockingCall  # ``requests.request``, standing for any of its verbs


def verb_tables(graph: CallGraph, kept: list[tuple[str, Span]]) -> list[VerbTable]:
    """The tables holding the request functions ``kept`` as values (function, span)."""
    entry = lookup("requests.request")
    holders: dict[str, dict[Span, str]] = {}
    for qualname, span in kept:
        holders.setdefault(graph.functions[qualname].module, {})[span] = qualname
    found = []
    for module, held in sorted(holders.items()):
        tree = graph.project.tree(module)
        for node in ast.walk(tree):
            table = _table(graph, module, tree, node, set(held))
            if table is not None and entry is not None:
                name, values, calls = table
                holder = held[values[0][0]]
                found.append(VerbTable(module, name, holder, values, calls, entry))
    return found


def _table(
    graph: CallGraph, module: str, tree: ast.Module, node: ast.AST, held: set[Span]
) -> tuple[str, tuple[tuple[Span, str], ...], tuple[tuple[str, Span], ...]] | None:
    if not (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Dict)
        and node.value.values
    ):
        return None
    name = node.targets[0].id
    values = []
    for value in node.value.values:
        verb = _verb(graph, module, value)
        if verb is None or span_of(value) not in held:
            return None
        values.append((span_of(value), verb))
    scope = _scope(tree, node)
    calls = _item_calls(scope, name)
    if calls is None or _seen_elsewhere(graph, module, tree, scope, name):
        return None
    functions = [fn for fn in graph.functions.values() if fn.module == module]
    made = []
    for call in calls:
        caller = _caller(functions, span_of(call))
        if caller is None:
            return None
        made.append((caller.qualname, span_of(call)))
    return name, tuple(values), tuple(made)


def _verb(graph: CallGraph, module: str, value: ast.expr) -> str | None:
    """``get`` for ``requests.get`` (or ``get`` imported from requests)."""
    if not isinstance(value, ast.Attribute | ast.Name):
        return None
    text = ast.unparse(value)
    target = graph.resolve(f"{module}.{text}") or ""
    owner, _, verb = target.rpartition(".")
    return verb if owner == "requests" and verb in HTTP_VERBS and lookup(target) else None


def _scope(tree: ast.Module, assign: ast.Assign) -> ast.AST:
    """The function whose local the table is, else the module."""
    at = span_of(assign)
    inner: ast.AST = tree
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and span_of(node).contains(at):
            if inner is tree or span_of(inner).contains(span_of(node)):
                inner = node
    return inner


def _item_calls(scope: ast.AST, name: str) -> list[ast.Call] | None:
    """The calls ``name[key](...)`` in ``scope``; None when ``name`` is read any other way."""
    calls = [
        node
        for node in ast.walk(scope)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Subscript)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == name
    ]
    loads = sum(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)
        for node in ast.walk(scope)
    )
    return calls if calls and len(calls) == loads else None


def _seen_elsewhere(
    graph: CallGraph, module: str, tree: ast.Module, scope: ast.AST, name: str
) -> bool:
    """Whether a module-level table is imported by another module or rebound."""
    if scope is not tree:
        return False
    if any(isinstance(n, ast.Global) and name in n.names for n in ast.walk(tree)):
        return True
    # Another module naming it may import it (one not analysed in depth, too).
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    return any(
        other != module and name in loaded.source.text and pattern.search(loaded.source.text)
        for other, loaded in graph.project.files.items()
    )


def _caller(functions: list[Function], span: Span) -> Function | None:
    return next((fn for fn in functions if any(c.span == span for c in fn.calls)), None)
