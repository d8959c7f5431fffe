"""A ``responses`` body that is an exception, a part of MIG008 http-mocks.

responses raises a ``body=`` that is an exception instead of answering; a respx
route raises its ``side_effect=``, while ``httpx.Response(content=exc)`` is a
``TypeError``. A body is known to be an exception when it is one made there
(``requests.ConnectionError("x")``), or a name each of whose values the test
file shows is one: the values a ``@pytest.mark.parametrize`` table gives it
(``(requests.exceptions.ConnectTimeout(), "connect-timeout")``, a
``pytest.param(...)``), what it is assigned in the function or at module level,
and what a ``for`` over a literal list or tuple binds it to. A name each of
whose values is something else is a body. Any other name (a fixture, a
parameter, an import) may be either: :mod:`.responses` writes the choice out,
``side_effect=exc if isinstance(exc, Exception) else httpx.Response(..)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst
import libcst.matchers as m

from ...nodes import dotted_name

# What each name's values are: True all exceptions, False none, None both.
Kinds = dict[str, "bool | None"]


def is_exception(node: cst.BaseExpression) -> bool:
    """``requests.ConnectionError("x")``, ``httpx.ConnectError``: raised, not returned."""
    target = node.func if isinstance(node, cst.Call) else node
    last = (dotted_name(target) or "").rsplit(".", 1)[-1]
    return last.endswith(("Error", "Exception", "Timeout"))


def module_kinds(module: cst.Module) -> Kinds:
    """What the module's top-level assignments bind."""
    return _kinds(_assigned(module.body))


def function_kinds(function: cst.FunctionDef) -> Kinds:
    """What ``function``'s parametrize tables, assignments and loops bind."""
    pairs = [*_parametrized(function.decorators)]
    for node in m.findall(function.body, m.Assign() | m.AnnAssign() | m.For()):
        pairs += _assigned([node])
    return _kinds(pairs)


def _kinds(pairs: Iterable[tuple[str, cst.BaseExpression]]) -> Kinds:
    found: dict[str, set[bool]] = {}
    for name, value in pairs:
        found.setdefault(name, set()).add(is_exception(value))
    return {name: next(iter(kinds)) if len(kinds) == 1 else None for name, kinds in found.items()}


def _assigned(nodes: Iterable[cst.CSTNode]) -> Iterator[tuple[str, cst.BaseExpression]]:
    """(name, value) for ``name = value``, ``name: T = value`` and ``for name in [..]``."""
    for node in nodes:
        if isinstance(node, cst.SimpleStatementLine):
            yield from _assigned(node.body)
        elif isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    yield target.target.value, node.value
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            if isinstance(node.target, cst.Name):
                yield node.target.value, node.value
        elif isinstance(node, cst.For) and isinstance(node.target, cst.Name):
            if isinstance(node.iter, cst.List | cst.Tuple):
                for element in node.iter.elements:
                    yield node.target.value, element.value


def _parametrized(
    decorators: Iterable[cst.Decorator],
) -> Iterator[tuple[str, cst.BaseExpression]]:
    """(name, value) for each value a ``pytest.mark.parametrize`` table gives a name."""
    for decorator in decorators:
        call = decorator.decorator
        if not isinstance(call, cst.Call) or len(call.args) < 2:
            continue
        if (dotted_name(call.func) or "").rsplit(".", 1)[-1] != "parametrize":
            continue
        names = _argnames(call.args[0].value)
        rows = call.args[1].value
        if not names or not isinstance(rows, cst.List | cst.Tuple):
            continue
        for element in rows.elements:
            values = _row(element.value, len(names))
            if values is not None:
                yield from zip(names, values, strict=True)


def _argnames(node: cst.BaseExpression) -> list[str]:
    """``"exc, expected"`` or ``("exc", "expected")`` -> the names."""
    if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
        return [n.strip() for n in node.evaluated_value.split(",") if n.strip()]
    if isinstance(node, cst.List | cst.Tuple):
        names = [e.value for e in node.elements]
        if all(isinstance(n, cst.SimpleString) for n in names):
            return [str(cst.ensure_type(n, cst.SimpleString).evaluated_value) for n in names]
    return []


def _row(node: cst.BaseExpression, width: int) -> list[cst.BaseExpression] | None:
    """One row's values, ``pytest.param(...)`` unwrapped; None if not literal."""
    if isinstance(node, cst.Call) and (dotted_name(node.func) or "").endswith("param"):
        values = [a.value for a in node.args if a.keyword is None and not a.star]
        return values if len(values) == width else None
    if width == 1:
        return [node]
    if isinstance(node, cst.List | cst.Tuple) and len(node.elements) == width:
        if not any(isinstance(e, cst.StarredElement) for e in node.elements):
            return [e.value for e in node.elements]
    return None
