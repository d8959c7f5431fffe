"""Values read where only some bindings of a name reach (see reaching).

The part of :class:`~migrate.analyse.held.HeldVisitor` that asks which
bindings reach a read: a parameter the body binds again still holds what was
given where no other binding reaches (``else: self.requester = requester``),
and a name bound to a class on each path makes one of them where it is called
(see choices).
"""

from __future__ import annotations

import ast

from .choices import class_bound, reached_choices
from .names import LocalScope
from .plain import PlainValues
from .reaching import reaching
from .scopes import ordered_parameters
from .tree import chain_root

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


class ReachedValues(PlainValues):
    """Reads answered by the bindings that reach them."""

    def _choices(self, func: ast.expr) -> tuple[str, ...] | None:
        """The classes ``func(...)`` makes one of, when a value picks them (see choices)."""
        if not isinstance(func, ast.Name):
            return getattr(func, "_migrate_choices", None)  # ``CLASS_MAP[kind](...)``
        for scope in reversed(self.scopes):
            if func.id in scope.choices:
                return scope.choices[func.id]
        return getattr(func, "_migrate_choices", None)

    def _holds_param(self, node: ast.expr, scope: LocalScope) -> bool:
        """Whether only the parameter's own binding reaches the name ``node`` starts with."""
        head = chain_root(node)
        if not isinstance(head, ast.Name) or not isinstance(scope.node, _DEFS):
            return False
        held = self._reads(scope.node).get(id(head), frozenset())
        return len(held) == 1 and isinstance(next(iter(held)), ast.arg)

    def _reads(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[int, frozenset]:
        """See reaching: for the function's parameters and the names it assigns."""
        cache: dict[int, dict[int, frozenset]] = self.__dict__.setdefault("_reaching", {})
        if id(function) not in cache:
            names = set(ordered_parameters(function.args))
            for node in self.tree.inside(function, ast.Assign):
                assert isinstance(node, ast.Assign)
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            cache[id(function)] = reaching(function, names)
        return cache[id(function)]

    def note_reached_choices(self, scope: LocalScope) -> None:
        """``requester = CrumbRequester`` in one branch, ``= Requester`` in the other, then
        ``requester(...)``: see choices.reached_choices."""
        function = scope.node
        if not isinstance(function, _DEFS):
            return
        bound = class_bound(function, self.tree.inside(function, ast.Assign))
        if bound:
            reads = self._reads(function)
            reached_choices(function, bound, reads, self.resolve, self.names_instance)
