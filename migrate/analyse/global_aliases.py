"""Module-level names standing for a function: ``fetch = fetch_user``, ``flaky = Retry(3)(_raw)``.

A call of such a name is a call of the function it holds: when that function
becomes async the call is awaited like any other, in the module and wherever
the name is imported. ``NAME = deco(f)`` and ``NAME = deco(args)(f)`` are
``@deco`` over ``f`` written after the fact: ``f`` gets the decorator (so its
wrapper becomes async with it, see wrappers), and handing ``f`` to the
decorator there is no value escaping. Only a name the module's top level binds
once, and no function rebinds (``global``), is one; only a function the module
defines at its top level is decorated that way.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .bindings import binding_counts
from .catalogue import lookup
from .model import Decorator, Function
from .tree import dotted, expr_text, span_of

# Names a chain may resolve to that are no function of the project's to follow.
_NOT_FOLLOWED = ("builtins.",)


def global_aliases(
    body: list[ast.stmt], resolve: Callable[[ast.expr], str | None], defs: dict[str, str]
) -> dict[str, str]:
    """Each top-level name bound once to a function (a name chain, or a decorator
    applied to a function the module defines) -> what it stands for, qualified."""
    candidates: dict[str, str] = {}
    for stmt in body:
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target = stmt.targets[0]
        if not isinstance(target, ast.Name):
            continue
        wrapped = decorated_function(stmt.value)
        if wrapped is not None:
            if wrapped[1].id in defs:
                candidates[target.id] = defs[wrapped[1].id]
            continue
        if dotted(stmt.value) is None:
            continue
        value = stmt.value
        # ``get_status = status``, ``status`` itself an alias above.
        held = candidates.get(value.id) if isinstance(value, ast.Name) else None
        held = held or resolve(value)
        if held and not held.startswith(_NOT_FOLLOWED) and not lookup(held):
            candidates[target.id] = held
    if not candidates:
        return {}  # most modules: no walk more
    bound = binding_counts(body)
    rebound = {
        name
        for node in ast.walk(ast.Module(body=body, type_ignores=[]))
        if isinstance(node, ast.Global)
        for name in node.names
    }
    return {
        name: held for name, held in candidates.items() if bound[name] == 1 and name not in rebound
    }


def decorated_function(value: ast.expr) -> tuple[ast.expr, ast.Name] | None:
    """``retry(f)`` or ``Retry(3)(f)``: the decorator expression and the function."""
    if not isinstance(value, ast.Call) or len(value.args) != 1 or value.keywords:
        return None
    arg = value.args[0]
    func = value.func
    decorator = func.func if isinstance(func, ast.Call) else func
    if not isinstance(arg, ast.Name) or dotted(decorator) is None:
        return None
    return func, arg


def decorate(
    node: ast.Assign,
    aliases: dict[str, str],
    functions: dict[str, Function],
    resolve: Callable[[ast.expr], str | None],
) -> None:
    """``NAME = deco(f)`` at the top level, ``NAME`` an alias: ``f`` gets ``deco`` as
    if written over it, and the ``f`` handed there is marked as no value."""
    target = node.targets[0] if len(node.targets) == 1 else None
    if not isinstance(target, ast.Name) or target.id not in aliases:
        return
    wrapped = decorated_function(node.value)
    fn = functions.get(aliases[target.id]) if wrapped else None
    if wrapped is None or fn is None:
        return
    decorator, arg = wrapped
    is_call = isinstance(decorator, ast.Call)
    callee = decorator.func if isinstance(decorator, ast.Call) else decorator
    fn.decorators.append(Decorator(span_of(decorator), resolve(callee), expr_text(callee), is_call))
    arg._migrate_decorated = True  # type: ignore[attr-defined]
