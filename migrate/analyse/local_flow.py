"""Where the values a function hands to calls, and returns, may come from.

The part of the response flow (see :mod:`.responses`) read from one
function's syntax tree, flow-insensitively: a local holds whatever any of
its bindings gives it. A value comes from a call (by its span), from a
parameter, or from somewhere the analysis does not follow. An item of a
collection comes from what the collection is made of: a comprehension's
element (``[session.get(u) for u in urls]``), a display's items, what is
appended to it; a loop over it, or an index into it, gives one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .model import Span
from .tree import span_of

# Methods that put their argument into the collection they are called on.
ADDING = frozenset({"append", "add"})


@dataclass(frozen=True)
class Source:
    """What a value may come from inside one function."""

    kind: Literal["call", "param", "unknown"]
    span: Span | None = None  # the call's
    name: str = ""  # the parameter's


UNKNOWN = Source("unknown")


@dataclass
class LocalFlow:
    """One function's part of the flow, read from its syntax tree."""

    # Call -> argument slot (``"0"``, or the keyword) -> where its value may come from.
    handed: dict[Span, dict[str, frozenset[Source]]] = field(default_factory=dict)
    returned: frozenset[Source] = frozenset()
    # Parameter -> the attributes read on it (called or not), with their lines.
    uses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    rebound: frozenset[str] = frozenset()  # parameters the body binds again


@dataclass(frozen=True)
class _Item:
    """A binding to one item of ``of`` (``for r in responses``)."""

    of: ast.expr


Bound = ast.expr | _Item | None  # None: a value not followed


def local_flow(node: ast.AST, params: frozenset[str]) -> LocalFlow:
    """Where the values handed to calls and returned by ``node``'s body may come from."""
    bindings: dict[str, list[Bound]] = {}
    added: dict[str, list[ast.expr]] = {}
    calls: list[ast.Call] = []
    returns: list[ast.expr] = []
    attributes: list[ast.Attribute] = []
    for statement in getattr(node, "body", []):
        for sub in _walk_own(statement):
            if isinstance(sub, ast.Call):
                calls.append(sub)
                func = sub.func
                if (
                    isinstance(func, ast.Attribute)
                    and func.attr in ADDING
                    and isinstance(func.value, ast.Name)
                    and len(sub.args) == 1
                ):
                    added.setdefault(func.value.id, []).append(sub.args[0])
            elif isinstance(sub, ast.Return) and sub.value is not None:
                returns.append(sub.value)
            elif isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
                attributes.append(sub)
            for name, value in _bound(sub):
                bindings.setdefault(name, []).append(value)
    flow = LocalFlow(rebound=frozenset(params & set(bindings)))
    unknown = frozenset({UNKNOWN})

    def sources(expr: ast.expr, seen: frozenset[str]) -> frozenset[Source]:
        if isinstance(expr, ast.Await):
            return sources(expr.value, seen)
        if isinstance(expr, ast.Call):
            return frozenset({Source("call", span_of(expr))})
        if isinstance(expr, ast.IfExp):
            return sources(expr.body, seen) | sources(expr.orelse, seen)
        if isinstance(expr, ast.BoolOp):
            return frozenset().union(*(sources(value, seen) for value in expr.values))
        if isinstance(expr, ast.Subscript):
            return items(expr.value, seen)
        if isinstance(expr, ast.Constant) and expr.value is None:
            return frozenset()
        if not isinstance(expr, ast.Name) or expr.id in seen:
            return unknown
        found: frozenset[Source] = frozenset()
        if expr.id in params:
            found = frozenset({Source("param", name=expr.id)})
        for value in bindings.get(expr.id, ()):
            if isinstance(value, _Item):
                found |= items(value.of, seen | {expr.id})
            else:
                found |= sources(value, seen | {expr.id}) if value is not None else unknown
        return found if expr.id in params or expr.id in bindings else unknown

    def items(expr: ast.expr, seen: frozenset[str]) -> frozenset[Source]:
        """Where an item of the collection ``expr`` may come from."""
        if isinstance(expr, ast.ListComp | ast.SetComp | ast.GeneratorExp):
            return sources(expr.elt, seen)
        if isinstance(expr, ast.List | ast.Tuple | ast.Set):
            return frozenset().union(
                *(unknown if isinstance(e, ast.Starred) else sources(e, seen) for e in expr.elts)
            )
        if not isinstance(expr, ast.Name) or expr.id in seen or expr.id in params:
            return unknown
        seen = seen | {expr.id}
        found = frozenset().union(*(sources(value, seen) for value in added.get(expr.id, ())))
        for value in bindings.get(expr.id, [None]):
            found |= items(value, seen) if isinstance(value, ast.expr) else unknown
        return found

    for call in calls:
        slots: dict[str, frozenset[Source]] = {}
        for index, arg in enumerate(call.args):
            if isinstance(arg, ast.Starred):
                break
            slots[str(index)] = sources(arg, frozenset())
        for keyword in call.keywords:
            if keyword.arg is not None:
                slots[keyword.arg] = sources(keyword.value, frozenset())
        if any(s != unknown for s in slots.values()):
            flow.handed[span_of(call)] = slots
    flow.returned = frozenset().union(*(sources(value, frozenset()) for value in returns))
    for attribute in attributes:
        name = attribute.value.id  # type: ignore[attr-defined]
        if name in params and isinstance(attribute.ctx, ast.Load):
            flow.uses.setdefault(name, []).append((attribute.attr, attribute.lineno))
    return flow


def _walk_own(statement: ast.AST) -> Iterator[ast.AST]:
    """The nodes of ``statement`` in the scope it is in (a nested function's
    default values are, its body is not)."""
    stack = [statement]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                stack.extend(current.args.defaults)
                stack.extend(d for d in current.args.kw_defaults if d is not None)
            continue
        stack.extend(ast.iter_child_nodes(current))


def _bound(node: ast.AST) -> Iterator[tuple[str, Bound]]:
    """The names ``node`` binds and the value each gets."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name):
                yield target.id, node.value
            else:
                yield from _names(target)
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        if isinstance(node.target, ast.Name):
            yield node.target.id, node.value
    elif isinstance(node, ast.NamedExpr):
        yield node.target.id, node.value
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        if isinstance(node.optional_vars, ast.Name):
            yield node.optional_vars.id, node.context_expr
        else:
            yield from _names(node.optional_vars)
    elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
        if isinstance(node.target, ast.Name):
            yield node.target.id, _Item(node.iter)
        else:
            yield from _names(node.target)
    elif isinstance(node, ast.AugAssign):
        yield from _names(node.target)
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name, None
    elif isinstance(node, ast.Import | ast.ImportFrom):
        for alias in node.names:
            yield (alias.asname or alias.name).split(".")[0], None
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        yield node.name, None
    elif isinstance(node, ast.Global | ast.Nonlocal):
        for name in node.names:
            yield name, None
    elif isinstance(node, ast.Delete):
        for target in node.targets:
            yield from _names(target)


def _names(target: ast.AST) -> Iterator[tuple[str, None]]:
    for sub in ast.walk(target):
        if isinstance(sub, ast.Name):
            yield sub.id, None
