"""Generators handed to ``any()``, ``all()`` or ``next()`` whose element fetches.

They stop at the first item that decides them: a gather would fetch items the
legacy code never fetched. The rewrite keeps them lazy, as a loop that stops
where they stopped.
"""

from __future__ import annotations

import ast

from .. import dataflow
from .base import Scan
from .model import GatherEdit, span_of


class EarlyExitScan(Scan):
    def _statement_of(self, node: ast.AST) -> ast.stmt | None:
        current = self._parents.get(id(node))
        while current is not None and not isinstance(current, ast.stmt):
            current = self._parents.get(id(current))
        return current

    def _lazy(
        self, comp: ast.GeneratorExp, consumer: ast.AST | None, name: str | None
    ) -> GatherEdit | None:
        """``return any(...)``/``all(...)``/``next(..., default)``: a loop that stops
        where they stopped. ``any()``/``all()`` elsewhere in a statement: the same
        loop before the statement, setting a name the statement reads instead."""
        statement = self._parents.get(id(consumer))
        if (
            name not in ("any", "all", "next")
            or len(comp.generators) != 1
            or comp.generators[0].is_async
        ):
            return None
        if (
            isinstance(statement, ast.Return)
            and statement.value is consumer
            and self._whole_line(statement)
            and (name != "next" or len(getattr(consumer, "args", ())) == 2)
        ):
            return GatherEdit(
                form="early-exit", anchor=span_of(statement), fetches=(), names=(name,)
            )
        statement = self._statement_of(comp)
        if name == "next" or statement is None or consumer is None:
            return None
        if isinstance(statement, ast.If):
            # ``if any(...):`` (not an ``elif``: nothing can go before that).
            line = self.lines[statement.lineno - 1] if statement.lineno <= len(self.lines) else ""
            if not line[statement.col_offset :].startswith("if"):
                return None
            unconditional = set(self._unconditional(statement.test))
        elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.Expr | ast.Return):
            if not self._whole_line(statement):
                return None
            unconditional = set(self._unconditional(statement))
        else:
            return None
        if consumer not in unconditional:
            return None
        # What the statement evaluates before the consumer must not have effects.
        inside = {id(n) for n in ast.walk(consumer)}
        start = (consumer.lineno, consumer.col_offset)  # type: ignore[attr-defined]
        for sub in dataflow.walk_local(
            statement.test if isinstance(statement, ast.If) else statement
        ):
            if id(sub) in inside or not isinstance(sub, ast.Call | ast.Await):
                continue
            if (sub.lineno, sub.col_offset) < start and not dataflow.is_pure(sub):
                return None
        target = ""
        if (
            isinstance(statement, ast.Assign)
            and statement.value is consumer
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            target = statement.targets[0].id  # ``ok = all(...)``: the loop sets ``ok``
        decided = target or self._fresh("found" if name == "any" else "passed")
        return GatherEdit(
            form="early-exit",
            anchor=span_of(consumer),
            fetches=(),
            names=(name, decided),
            hoist=span_of(statement),
            drop=(span_of(statement),) if target else (),
        )
