"""Attributes read by a name the source spells out: ``getattr(obj, name)``.

``getattr(self, "content")`` reads ``self.content``, and a preload loop,
``for prop in ["content", "links"]: getattr(self, prop)``, reads each name its
literal list holds. Each is noted as the read it is (``Function.reads``, one
per name, at the ``getattr`` call, ``named``), so a property read this way is
followed like any other: a getter that fetches becomes async, code reading it
becomes async, and the read is awaited (``await getattr(self, f"a{prop}")()``
for properties that keep a sync twin). A name known only at run time is not
followed here (see dynamic for calls of one).

How each is read once rewritten is :mod:`named_read_kinds`'.
"""

from __future__ import annotations

import ast

from .model import Call, Function
from .names import NameResolver, expr_text, span_of
from .tree import assigned_values


def note_named_reads(
    analyser: NameResolver, fn: Function, node: ast.Call, target: str | None, in_lambda: bool
) -> None:
    """``getattr(obj, name[, default])``, its result not called, with ``name`` a
    string or a loop variable over literal strings: a read of each name."""
    if target != "builtins.getattr" or getattr(node, "_migrate_called", False):
        return
    if len(node.args) not in (2, 3) or node.keywords:
        return
    names = spelt_names(analyser, node, node.args[1])
    obj = node.args[0]
    for name in names:
        attribute = ast.Attribute(value=obj, attr=name, ctx=ast.Load())
        fn.reads.append(
            Call(
                span_of(node),
                analyser.resolve(attribute),
                f"{expr_text(obj)}.{name}",
                awaited=isinstance(getattr(node, "_migrate_parent", None), ast.Await),
                in_lambda=in_lambda,
                named=True,
            )
        )


def spelt_names(analyser: NameResolver, node: ast.Call, name: ast.expr) -> tuple[str, ...]:
    """The attribute names ``name``, an argument of ``node``, may hold, all spelt
    out in the source (a string, a loop variable over literal strings, or an
    f-string of one of those: ``f"a{prop}"``), or ()."""
    if isinstance(name, ast.Constant):
        return _identifiers([name])
    if isinstance(name, ast.JoinedStr) and len(name.values) == 2:
        prefix, variable = name.values
        if (
            isinstance(prefix, ast.Constant)
            and isinstance(prefix.value, str)
            and isinstance(variable, ast.FormattedValue)
            and variable.conversion == -1
            and variable.format_spec is None
        ):
            spelt = spelt_names(analyser, node, variable.value)
            return tuple(prefix.value + n for n in spelt)
        return ()
    if not isinstance(name, ast.Name):
        return ()
    scope = next((s.node for s in reversed(analyser.scopes) if s.node is not None), None)
    if scope is None:
        return ()
    iterated = _loop_over(scope, node, name.id)
    if isinstance(iterated, ast.Name):
        # ``for prop in PRELOAD``: a local, or a module constant, bound once and
        # left as it is (no ``PRELOAD.append(...)``, no ``+=``).
        held = iterated.id
        where = scope if assigned_values(scope, held) else analyser.tree.module
        bound = assigned_values(where, held)
        iterated = bound[0] if len(bound) == 1 and not _changed(where, held) else None
    if isinstance(iterated, ast.List | ast.Tuple | ast.Set):
        return _identifiers(iterated.elts)
    return ()


def _identifiers(values: list[ast.expr]) -> tuple[str, ...]:
    """The strings ``values`` are, when each is a plain attribute name (a dunder
    is Python's: none is followed then)."""
    names = [v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if len(names) != len(values):
        return ()
    if not all(n.isidentifier() and not n.startswith("__") for n in names):
        return ()
    return tuple(dict.fromkeys(names))


def _changed(scope: ast.AST, name: str) -> bool:
    """Whether ``name`` is changed in place in ``scope``: ``name += ...``, or any of
    its methods called (``name.append(x)``)."""
    for node in ast.walk(scope):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            if node.target.id == name:
                return True
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == name
        ):
            return True
    return False


def _loop_over(scope: ast.AST, node: ast.AST, name: str) -> ast.expr | None:
    """What the innermost loop (or comprehension) around ``node`` binding ``name``
    iterates, when nothing else in it binds ``name``."""
    found: ast.expr | None = None
    for loop in ast.walk(scope):
        if isinstance(loop, ast.For | ast.AsyncFor):
            if not (isinstance(loop.target, ast.Name) and loop.target.id == name):
                continue  # most loops bind another name: no walk of their bodies
            inside = any(node in ast.walk(stmt) for stmt in loop.body)
            if inside and not assigned_values(loop, name):
                found = loop.iter  # ast.walk goes outside in: the last is innermost
        elif isinstance(loop, ast.comprehension):
            if isinstance(loop.target, ast.Name) and loop.target.id == name:
                found = loop.iter if _within_comprehension(scope, loop, node) else found
    return found


def _within_comprehension(scope: ast.AST, generator: ast.comprehension, node: ast.AST) -> bool:
    owner = next(
        c
        for c in ast.walk(scope)
        if isinstance(c, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp)
        and generator in c.generators
    )
    return any(
        node in ast.walk(part) for part in ast.iter_child_nodes(owner) if part is not generator
    )
