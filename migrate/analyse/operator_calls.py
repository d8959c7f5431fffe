"""Calls Python makes on syntax, as the facts note them: ``pages[name]`` runs
``__getitem__``, ``plugins[name] = p`` ``__setitem__``, ``del jobs[name]``
``__delitem__``, ``name in jobs`` ``__contains__``, ``if not jobs:``
``__bool__`` or else ``__len__`` (see twins), on an instance whose type is
known here or that callers give.
"""

from __future__ import annotations

import ast

from .held import HeldVisitor
from .model import PARAM_PREFIX, Call
from .names import dotted, expr_text, span_of
from .twins import contains_site


class OperatorCalls(HeldVisitor):
    """The part of the module analyser that notes the dunders syntax runs."""

    def visit_Subscript(self, node: ast.Subscript) -> None:
        """``site.pages[name]`` runs ``PageList.__getitem__``: a call, awaited once that
        becomes async (an instance's, or a parameter's whose type callers give).
        ``plugins[name] = p`` runs ``__setitem__``, a plain ``del plugins[name]``
        ``__delitem__`` (see twins)."""
        kind = getattr(node, "_migrate_twin", None)  # a plain ``x[k] = v`` or ``del x[k]``
        if isinstance(node.ctx, ast.Del):
            if kind:
                self.dunder_call(node, node.value, "__delitem__", kind)
        else:
            dunder = "__setitem__" if isinstance(node.ctx, ast.Store) else "__getitem__"
            self.dunder_call(node, node.value, dunder, kind, subscript=True)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        """``name in jobs`` runs ``Jobs.__contains__`` (see twins)."""
        site = contains_site(node)
        if site is not None:
            self.dunder_call(node, site[1], "__contains__", site[2])
        super().visit_Compare(node)

    def visit_Name(self, node: ast.Name) -> None:
        """``if not listing:`` runs ``Listing.__len__`` when it has no ``__bool__``
        (see twins): a local holding an instance, tested for truth."""
        truth = getattr(node, "_migrate_truth", False) and isinstance(node.ctx, ast.Load)
        if truth and any(node.id in scope.local_types for scope in self.scopes):
            self.dunder_call(node, node, "__len__", "truth")
        self.generic_visit(node)

    def dunder_call(
        self,
        node: ast.expr,
        value: ast.expr,
        dunder: str,
        kind: str | None = None,
        subscript: bool = False,
    ) -> None:
        """The call of ``value``'s ``dunder`` that ``node`` makes, when ``value`` is an
        instance whose type is known here or given by callers."""
        root = value
        while isinstance(root, ast.Attribute):
            root = root.value
        made = isinstance(root, ast.Call) and isinstance(value, ast.Attribute | ast.Call)
        if not (made or dotted(value)) or not self.scopes:
            return
        method = ast.copy_location(ast.Attribute(value=value, attr=dunder, ctx=ast.Load()), value)
        # An instance's (``self.pages``, ``Site().pages``, ``self``), not a class's or a module's.
        own = isinstance(value, ast.Name) and value.id == "self"
        target = self.resolve(method) if own or self.names_instance(value) else None
        if made:
            # ``Site().pages[k]``, or ``api.all()[0]``: what the call gives (its return type).
            assert isinstance(root, ast.Call)
            typ = self.type_of_call(root, self.scopes[-1])
            attrs = expr_text(method).removeprefix(expr_text(root)).lstrip(".")
            target = f"{typ}.{attrs}" if typ else None
        held = self.value_of(value)
        call = Call(
            span_of(node),
            target,
            f"{expr_text(value)}.{dunder}",
            awaited=isinstance(getattr(node, "_migrate_parent", None), ast.Await),
            in_lambda=self.lambda_depth > 0,
            subscript=subscript,
            dunder=kind,
        )
        if target is None and held and held.startswith(PARAM_PREFIX):
            call.param_target = f"{held}.{dunder}"
        if target or call.param_target:
            (self.scopes[-1].function or self.module_fn).calls.append(call)
