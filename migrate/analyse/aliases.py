"""Local names standing for a function: ``fetch = api.call`` then ``fetch(path)``.

A call through such a name is a call of the function it holds: when that
function becomes async the call is awaited like any other. Only a name the
function binds once, to a plain name chain, ``getattr(chain, "name"[,
default])`` or ``partial(chain, ...)``, and only ever calls (or asks whether
it has one: ``callable(fetch)``, ``fetch is None``, ``if fetch:``), is one
(``partial(f, a)(b)`` calls ``f(a, b)``); whatever else a local holds stays a
value the analysis cannot follow.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .bindings import binding_counts
from .catalogue import lookup
from .frameworks import PARTIALS
from .model import Function
from .names import LocalScope


def function_aliases(
    node: ast.FunctionDef | ast.AsyncFunctionDef, names: frozenset[str]
) -> dict[str, ast.expr]:
    """The locals of ``node`` that stand for a function: bound once, to a name chain.
    ``names`` are those its body binds (``scopes.bound_names``, which the caller has)."""
    chains: dict[str, ast.expr] = {}

    def chain(child: ast.AST) -> None:
        if not (
            isinstance(child, ast.Assign)
            and len(child.targets) == 1
            and isinstance(child.targets[0], ast.Name)
        ):
            return
        value = _named_attribute(child.value) if "getattr" not in names else None
        if value is not None or _chain(child.value) or _bound(child.value):
            chains[child.targets[0].id] = value or child.value

    bindings = binding_counts(node.body, chain)
    if not chains:
        return {}  # most functions: no walk more
    declared = _declared(node)
    called = _only_called(node, set(chains))
    return {
        name: value
        for name, value in chains.items()
        if bindings[name] == 1 and name in names and name not in declared and name in called
    }


def bound_function(value: ast.expr) -> ast.expr | None:
    """``f`` of ``partial(f, a)`` (whether that is functools.partial is the caller's to
    tell), or None."""
    return value.args[0] if _bound(value) else None  # type: ignore[attr-defined]


def _bound(node: ast.expr) -> bool:
    """``partial(api.call, "get")``: a call of a name chain given a name chain first."""
    return (
        isinstance(node, ast.Call)
        and _chain(node.func)
        and bool(node.args)
        and _chain(node.args[0])
        and not any(isinstance(a, ast.Starred) for a in node.args)
        and all(k.arg is not None for k in node.keywords)
    )


def _named_attribute(node: ast.expr) -> ast.expr | None:
    """``getattr(api, "upload")`` or ``getattr(api, "upload", None)``, written as the
    attribute it reads (``api.upload``); None for anything else."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) in (2, 3)
        and not node.keywords
        and _chain(node.args[0])
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
        and node.args[1].value.isidentifier()
    ):
        return None
    return ast.copy_location(ast.Attribute(node.args[0], node.args[1].value, ast.Load()), node)


def _only_called(node: ast.AST, names: set[str]) -> set[str]:
    """Those of ``names`` that ``node`` reads only to call them (``fetch(...)``), or
    to ask whether they hold one: a name handed on, returned or kept elsewhere is
    a value, not a stand-in."""
    called: set[int] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Name):
            called.add(id(child.func))
            if child.func.id == "callable" and len(child.args) == 1:
                called.add(id(child.args[0]))
        elif isinstance(child, ast.Compare) and all(
            isinstance(op, ast.Is | ast.IsNot) for op in child.ops
        ):
            called.update(id(side) for side in (child.left, *child.comparators))
        elif isinstance(child, ast.If | ast.While | ast.IfExp):
            called.add(id(child.test))
        elif isinstance(child, ast.UnaryOp) and isinstance(child.op, ast.Not):
            called.add(id(child.operand))
    read: dict[str, bool] = {}  # name -> only ever called
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load):
            read[child.id] = read.get(child.id, True) and id(child) in called
    return {name for name in names if read.get(name)}


def _chain(node: ast.expr) -> bool:
    """``get_json``, ``api.call``, ``self.client.fetch``: names and attributes only."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _declared(node: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {
        name
        for child in ast.walk(node)
        if isinstance(child, ast.Global | ast.Nonlocal)
        for name in child.names
    }


def stand_in(
    node: ast.Call,
    fn: Function,
    scopes: list[LocalScope],
    resolve: Callable[[ast.AST], str | None],
) -> tuple[ast.expr, ast.Call] | None:
    """What ``node`` calls through a local standing for a function of the project
    (``fetch(x)`` -> ``api.call``), with the call as if written out (what ``partial``
    bound first, then ``node``'s arguments); None for any other call."""
    if not isinstance(node.func, ast.Name):
        return None
    for scope in reversed(scopes):
        if scope.function is not fn:
            return None
        held = scope.aliases.get(node.func.id)
        if held is not None:
            break
        if node.func.id in scope.bound or node.func.id in scope.params:
            return None
    else:
        return None
    shape = ast.copy_location(ast.Call(held, node.args, node.keywords), node)
    if isinstance(held, ast.Call):
        func = bound_function(held)
        if func is None or resolve(held.func) not in PARTIALS:
            return None
        args, keywords = [*held.args[1:], *node.args], [*held.keywords, *node.keywords]
        shape = ast.copy_location(ast.Call(func, args, keywords), node)
        held = func
    target = resolve(held)
    # requests' and the stdlib's functions held in a local stay values (see
    # values): their rewrites go by the call as written.
    if target is not None and lookup(target) is not None:
        return None
    return held, shape


def bound_by_stand_in(call: ast.Call, scopes: list[LocalScope]) -> bool:
    """Whether ``call`` is the ``partial(f, a)`` a stand-in holds: those calls are
    f's, awaited where f becomes async, so f goes to nothing that calls it."""
    return bool(scopes) and any(held is call for held in scopes[-1].aliases.values())
