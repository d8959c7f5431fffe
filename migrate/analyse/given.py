"""What a call gives a function's parameters, for types that flow (see typeflow).

A value as the facts hold it (see :meth:`~migrate.analyse.held.HeldVisitor.value_of`),
or, for a parameter filled from the caller's own ``*args``/``**kwargs`` handed on
whole (``super().__init__(*args, **kwargs)``), :data:`FORWARDED` ``<index>.<name>``:
what the caller's own callers give it there.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from .model import PARAM_PREFIX, Call, Function

FORWARDED = "<forwarded>."
# A parameter left to its default of None: it holds no object, whatever the others
# give it (``session=None``, a session made when none is given).
NONE_GIVEN = "<none>"


def through_param(value_of: Callable[[ast.expr], str | None], node: ast.expr) -> str | None:
    """``<param>.endpoint.get`` for ``endpoint.get``, ``endpoint`` a parameter (a
    reference through it, typed by the flow as a call through it is)."""
    return param_value(value_of, node) if isinstance(node, ast.Attribute) else None


def param_value(value_of: Callable[[ast.expr], str | None], node: ast.expr) -> str | None:
    """What ``node`` holds when that comes through a parameter (``<param>.opener``)."""
    held = value_of(node)
    return held if held and held.startswith(PARAM_PREFIX) else None


def param_defaults(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, ast.expr]]:
    """Each parameter of ``node`` that has a default, with it."""
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    return [(a.arg, d) for a, d in pairs]


def none_defaults(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, ...]:
    """The parameters of ``node`` whose default is None."""
    pairs = param_defaults(node)
    return tuple(a for a, d in pairs if isinstance(d, ast.Constant) and d.value is None)


def required_params(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, ...]:
    """The parameters of ``node`` a call must give (no default, not ``*``/``**``)."""
    args = node.args
    defaulted = {name for name, _ in param_defaults(node)}
    named = (*args.posonlyargs, *args.args, *args.kwonlyargs)
    return tuple(a.arg for a in named if a.arg not in defaulted)


def named_defaults(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, ast.expr]]:
    """The parameters of ``node`` whose default is a name (``fetcher=fetch_json``)."""
    return [(a, d) for a, d in param_defaults(node) if isinstance(d, ast.Name | ast.Attribute)]


def parametrize_rows(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
) -> Iterator[tuple[list[str], list[list[ast.expr]]]]:
    """Each ``@pytest.mark.parametrize`` of a test: its parameter names (``"a,b"`` or
    ``("a", "b")``) and each row's values in their order (a tuple's items, a
    ``pytest.param(...)``'s arguments, or the value itself for one name)."""
    for decorator in node.decorator_list:
        if not (
            isinstance(decorator, ast.Call)
            and ast.unparse(decorator.func).endswith("mark.parametrize")
            and len(decorator.args) >= 2
            and isinstance(decorator.args[1], ast.List | ast.Tuple)
        ):
            continue
        names = decorator.args[0]
        if isinstance(names, ast.Constant) and isinstance(names.value, str):
            params = [p.strip() for p in names.value.split(",")]
        elif isinstance(names, ast.List | ast.Tuple):
            params = [
                e.value
                for e in names.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
        else:
            continue
        rows = []
        for row in decorator.args[1].elts:
            if isinstance(row, ast.Call) and ast.unparse(row.func).endswith("param"):
                rows.append(list(row.args))
            elif isinstance(row, ast.Tuple) and len(params) > 1:
                rows.append(list(row.elts))
            else:
                rows.append([row])
        yield params, rows


def parametrized_values(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, ast.expr]]:
    """The names ``@pytest.mark.parametrize`` hands a test's parameters, each row's
    (``("endpoint", [api.status, api.health])``, ``pytest.param(f, id="f")``): the
    test is called with each, as with a default."""
    return [
        (param, value)
        for params, rows in parametrize_rows(node)
        for values in rows
        for param, value in zip(params, values, strict=False)
        if isinstance(value, ast.Name | ast.Attribute)
    ]


def given(
    fn: Function, call: Call, offset: int, param: str, caller: Function | None = None
) -> str | None:
    """What ``call`` gives ``fn``'s parameter ``param`` (None: not one known value).

    Given ``caller`` (the function making the call), a parameter filled from
    the caller's own ``*args``/``**kwargs`` handed on whole is :data:`FORWARDED`
    ``<index>.<name>``: what the caller's callers give it there.
    """
    index = fn.params.index(param) if param in fn.params else -1
    position = index - offset
    if 0 <= position < len(call.arg_values) and index < fn.positional:
        return call.arg_values[position]
    for keyword, held in call.kwarg_values:
        if keyword == param:
            return held
    if caller is None or index < 0:
        return None
    spill = position - len(call.arg_values) if index < fn.positional else -1
    by_position = spill >= 0 and call.star_args == caller.vararg is not None
    by_name = call.star_kwargs == caller.kwarg is not None
    if by_position or by_name:
        return f"{FORWARDED}{spill if by_position else -1}.{param if by_name else ''}"
    if param in fn.none_defaults and call.positional >= 0 and "**" not in call.keywords:
        return NONE_GIVEN
    return None


def extra(
    call: Call, offset: int, fn: Function, index: int, name: str, caller: Function
) -> str | None:
    """What ``call`` hands ``fn``'s ``*args`` at ``index`` or ``**kwargs`` as ``name``."""
    position = fn.positional - offset + index
    if index >= 0 and 0 <= position < len(call.arg_values):
        return call.arg_values[position]
    for keyword, held in call.kwarg_values:
        if name and keyword == name:
            return held
    spill = position - len(call.arg_values)
    by_position = index >= 0 and spill >= 0 and call.star_args == caller.vararg is not None
    by_name = bool(name) and call.star_kwargs == caller.kwarg is not None
    if by_position or by_name:
        return f"{FORWARDED}{spill if by_position else -1}.{name if by_name else ''}"
    return None
