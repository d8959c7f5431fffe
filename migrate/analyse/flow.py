"""What the facts note about values flowing: ``with`` items, attribute reads,
``yield from``, and the state of ``self`` a method changes.

:class:`FlowVisitor` is the part of :class:`~migrate.analyse.facts.ModuleAnalyser`
that records what is used without being called: a ``with x:`` enters and
exits ``x`` (the implicit ``__enter__``/``__exit__`` calls), ``obj.name``
read may run a property's getter, ``yield from g()`` iterates ``g``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from .catalogue import HTTP_VERBS, lookup
from .dataflow import MUTATING_METHODS
from .frameworks import CLOSERS, unbridged
from .given import through_param
from .model import Call, Function
from .names import NameResolver, expr_text, span_of
from .tree import (
    chain_root,
    counted_attr,
    note_global_change,
    note_param_change,
    note_self_change,
)

# The visit_* method (or generic_visit) by visitor class and node class.
_HANDLERS: dict[tuple[type, type], Callable[[Any, Any], None]] = {}
_VERBS = frozenset({*HTTP_VERBS, "request"})


class FlowVisitor(NameResolver, ast.NodeVisitor):
    """Visits for values used without a call; the analyser's scopes and facts."""

    lambda_depth: int
    module_fn: Function
    value_of: Callable[[ast.expr], str | None]  # see held

    def visit(self, node: ast.AST) -> None:
        # ``ast.NodeVisitor.visit`` builds the method name and looks it up per node.
        key = (type(self), type(node))
        if key not in _HANDLERS:
            cls = type(self)
            _HANDLERS[key] = getattr(cls, "visit_" + type(node).__name__, cls.generic_visit)
        _HANDLERS[key](self, node)

    def visit_Constant(self, node: ast.Constant) -> None:
        """Nothing inside (``ast.NodeVisitor``'s own looks for five deprecated hooks first)."""

    def plain_receiver(self, text: str, func: ast.expr) -> bool:
        """Whether ``text`` is called on a value no project method runs on (see plain)."""
        return False

    def note_with_items(self, node: ast.With | ast.AsyncWith) -> None:
        """Types of ``as`` names, and the implicit enter/exit calls of each item."""
        fn = self.scopes[-1].function or self.module_fn
        for item in node.items:
            expr = item.context_expr
            expr._migrate_with_item = True  # type: ignore[attr-defined]
            closed = self._closed(expr)
            if closed is not None:
                # ``closing(x) as y``: y is x, and only ``x.close()`` is called.
                expr._migrate_closes = closed  # type: ignore[attr-defined]
                typ = self._type_of(closed)
                if typ and isinstance(node, ast.With) and lookup(f"{typ}.close") is None:
                    fn.calls.append(
                        Call(
                            span_of(expr),
                            f"{typ}.close",
                            f"{expr_text(closed)}.close",
                            in_lambda=self.lambda_depth > 0,
                            context_manager=True,
                        )
                    )
                if isinstance(item.optional_vars, ast.Name) and typ:
                    self.scopes[-1].local_types[item.optional_vars.id] = typ
                continue
            typ = self._type_of(expr)
            if typ and isinstance(node, ast.With):
                for method in ("__enter__", "__exit__"):
                    text = f"{expr_text(expr)}.{method}"
                    fn.calls.append(
                        Call(
                            span_of(expr),
                            f"{typ}.{method}",
                            text,
                            in_lambda=self.lambda_depth > 0,
                            context_manager=True,
                            plain_receiver=self.plain_receiver(text, expr),
                        )
                    )
            if isinstance(item.optional_vars, ast.Name) and isinstance(expr, ast.Call) and typ:
                self.scopes[-1].local_types[item.optional_vars.id] = typ

    def note_arguments(self, call: Call, node: ast.Call) -> None:
        """How many arguments ``call`` is given, by position and by name; what it closes."""
        for index, arg in enumerate(node.args):
            arg._migrate_position = index  # type: ignore[attr-defined]
        starred = any(isinstance(arg, ast.Starred) for arg in node.args)
        call.positional = -1 if starred else len(node.args)
        call.keywords = tuple(kw.arg or "**" for kw in node.keywords)
        last = node.args[-1] if node.args else None
        if isinstance(last, ast.Starred) and isinstance(last.value, ast.Name):
            if not any(isinstance(arg, ast.Starred) for arg in node.args[:-1]):
                call.star_args = last.value.id
        call.star_kwargs = next(
            (k.value.id for k in node.keywords if k.arg is None and isinstance(k.value, ast.Name)),
            None,
        )
        closed = getattr(node, "_migrate_closes", None)
        if closed is not None:
            call.closes, call.closes_text = span_of(closed), expr_text(closed)

    def _closed(self, expr: ast.expr) -> ast.expr | None:
        """``x`` of a ``closing(x)`` item."""
        if (
            isinstance(expr, ast.Call)
            and len(expr.args) == 1
            and not expr.keywords
            and not isinstance(expr.args[0], ast.Starred)
            and self.resolve(expr.func) in CLOSERS
        ):
            return expr.args[0]
        return None

    def _type_of(self, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Call):
            return self.type_of_call(expr, self.scopes[-1])
        return self.resolve(expr)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        # A read that may be a property's: ``obj.name`` loaded, not called.
        root = chain_root(node)
        if (
            isinstance(node.ctx, ast.Load)
            and not getattr(node, "_migrate_called", False)
            and not node.attr.startswith("__")
            and not (
                self.scopes
                and isinstance(root, ast.Name)
                and root.id in self.scopes[-1].mock_results
            )
        ):
            fn = self.scopes[-1].function or self.module_fn
            fn.reads.append(
                Call(
                    span_of(node),
                    self.resolve(node),
                    expr_text(node),
                    awaited=isinstance(getattr(node, "_migrate_parent", None), ast.Await),
                    in_lambda=self.lambda_depth > 0,
                    tested=getattr(node, "_migrate_tested", False),
                    # How a generator property's items are taken (see generators).
                    iterated=getattr(node, "_migrate_iterated", False),
                    arg_of=getattr(node, "_migrate_arg_of", None),
                    genexp_of=getattr(node, "_migrate_genexp_of", None),
                    # ``session.post`` read off a parameter: typed by the flow (see typeflow),
                    # as a value a client's verb may be (see values.kept_verbs).
                    param_target=(
                        through_param(self.value_of, node) if node.attr in _VERBS else None
                    ),
                )
            )
        elif isinstance(node.ctx, ast.Store) and not node.attr.startswith("__"):
            fn = self.scopes[-1].function or self.module_fn
            kind = getattr(node, "_migrate_twin", None)  # "set": the assignment's one target
            fn.writes.append(Call(span_of(node), self.resolve(node), expr_text(node), dunder=kind))
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        mark_tested(node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        mark_tested(node.test)
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        mark_tested(node.test)
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            mark_tested(node.operand)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        mark_tested(node)
        self.generic_visit(node)

    def visit_Await(self, node: ast.Await) -> None:
        # ``await x``: x's call or attribute read is awaited already.
        node.value._migrate_parent = node  # type: ignore[attr-defined]
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        given = node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None
        )
        if given and self.scopes and self.scopes[-1].function is not None:
            self.scopes[-1].function.returns_value = True  # a generator's: see generators
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        # ``yield from g()`` iterates g; as a statement it unrolls into ``async for``.
        if getattr(node, "_migrate_statement", False):
            node.value._migrate_iterated = True  # type: ignore[attr-defined]
        elif self.scopes and self.scopes[-1].function is not None:
            self.scopes[-1].function.yield_from_value = True
        self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        node.value._migrate_statement = True  # type: ignore[attr-defined]
        # ``self.seen.append(x)``; ``await sync_to_async(self.store.put)(x)`` as an
        # earlier run wrote ``self.store.put(x)`` (a rerun must see the same change).
        value = node.value.value if isinstance(node.value, ast.Await) else node.value
        if isinstance(value, ast.Call):
            self.note_mutating_call(value)
        self.generic_visit(node)

    # A method changing ``self`` (``self.n += 1``, ``del self.cache[k]``,
    # ``self.seen.append(x)``): its calls must keep their order (see gathers).
    # Plain assignments are noted with the types they give (NameResolver).

    def _self_change(self, *targets: ast.expr) -> None:
        fn = self.scopes[-1].function if self.scopes else None
        if fn is not None and fn.class_qualname:
            for target in targets:
                note_self_change(fn, target)
        if fn is not None and self.scopes:
            local = self.scopes[-1].bound | self.scopes[-1].params
            note_global_change(fn, local, self.facts.top_level, *targets)
            note_param_change(fn, self.scopes[-1].params, *targets)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        fn = self.scopes[-1].function if self.scopes else None
        counted = counted_attr(node)
        if fn is not None and fn.class_qualname and counted is not None:
            if counted not in fn.self_counts:
                fn.self_counts += (counted,)
        else:
            self._self_change(node.target)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._self_change(node.target)
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            node.targets[0]._migrate_twin = "delitem"  # type: ignore[attr-defined]
        self._self_change(*node.targets)
        self.generic_visit(node)

    def note_mutating_call(self, node: ast.Call) -> None:
        func = unbridged(node.func, self.resolve)
        if isinstance(func, ast.Attribute) and func.attr in MUTATING_METHODS:
            held = func.value
            if isinstance(held, ast.Name) and held.id not in ("self", "cls"):
                held = func  # ``seen.add(x)`` changes what the name ``seen`` holds
            self._self_change(held)


def mark_tested(node: ast.expr) -> None:
    """Marks the values ``node`` only tests for truth or for None (``s.auth`` in
    ``if s.auth and not s.token``, ``s.auth is None``): what they hold is not used."""
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            mark_tested(value)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        mark_tested(node.operand)
    elif isinstance(node, ast.Compare):
        other = node.comparators[0]
        if (
            len(node.ops) == 1
            and isinstance(node.ops[0], ast.Is | ast.IsNot)
            and isinstance(other, ast.Constant)
            and other.value is None
        ):
            node.left._migrate_tested = True  # type: ignore[attr-defined]
    else:
        node._migrate_tested = True  # type: ignore[attr-defined]
        node._migrate_truth = True  # type: ignore[attr-defined]  # ``len`` if no ``bool``
