"""Loops that skip some items before their fetch: the items kept are listed first.

``for user in users: if user.get("bot"): continue`` then ``info =
fetch(user["id"])``: a skip whose test only reads the item (and names the loop
leaves alone) picks the items the fetches are for before any fetch runs. They
are listed first (``kept = [user for user in users if not user.get("bot")]``),
and the rest of the body is a loop over them that fetches once per item, which
fission gathers as any other. Each test runs once per item, as before.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import replace

from .. import dataflow
from .bodies import BodyScan
from .model import LINE_LENGTH, Finding, Refusal, span_of
from .syntax import names_only, within


class FilteredLoops(BodyScan):
    """The part of :class:`~.loops.LoopScan` that lists the items a loop keeps."""

    def _fission(self, loop: ast.For, fetches: list[ast.Call]) -> Finding:
        raise NotImplementedError  # LoopScan's

    def _filtered(self, loop: ast.For, fetches: list[ast.Call]) -> bool:
        """Gather a loop whose body starts by skipping items (``if test: continue``)."""
        skips: list[ast.If] = []
        for stmt in loop.body:
            if not _is_skip(stmt):
                break
            assert isinstance(stmt, ast.If)
            skips.append(stmt)
        rest = loop.body[len(skips) :]
        if not skips or not rest or loop.orelse or not names_only(loop.target):
            return False
        changed = self._writes(rest)
        for skip in skips:
            if not dataflow.is_pure(skip.test) or any(within(c, skip.test) for c in fetches):
                return False
            if dataflow.conflicts(dataflow.reads(skip.test), changed):
                return False  # the test reads what an earlier item's body changes
        if dataflow.conflicts(dataflow.reads(loop.iter), changed):
            return False
        element = self._source(loop.target)
        if isinstance(loop.target, ast.Tuple):
            element = f"({element})"
        kept_if = " and ".join(_negated(s.test, self._source) for s in skips)
        clauses = [
            element,
            f"for {self._source(loop.target)} in {self._source(loop.iter)}",
            f"if {kept_if}",
        ]
        kept = ast.parse(f"[{' '.join(clauses)}]", mode="eval").body
        target = ast.parse(element, mode="eval").body
        flat = ast.For(target=target, iter=kept, body=rest, orelse=[], type_comment=None)
        for node in (flat, *ast.walk(kept), *ast.walk(target)):
            ast.copy_location(node, loop)
        flat.end_lineno, flat.end_col_offset = loop.end_lineno, loop.end_col_offset
        self._parents[id(flat)] = self._parents.get(id(loop), self.node)
        for stmt in rest:
            self._parents[id(stmt)] = flat
        try:
            finding = self._fission(flat, fetches)
        except Refusal:
            for stmt in rest:
                self._parents[id(stmt)] = loop
            return False
        assert finding.edit is not None
        listed = self._fresh("kept")
        making = f"{listed} = [{' '.join(clauses)}]"
        if loop.col_offset + len(making) > LINE_LENGTH:
            making = f"{listed} = [\n" + "".join(f"    {c}\n" for c in clauses) + "]"
        edit = replace(
            finding.edit,
            anchor=span_of(loop),
            flatten=(listed, making, element),
            filtered=True,
            drop=(*finding.edit.drop, *(span_of(s) for s in skips)),
            materialise="",
            collect="",
        )
        self._fissioned.add(id(loop))
        self._owned.update(edit.fetches)
        reason = (
            f"{finding.reason}; the items skipped before the fetch"
            f" ({', '.join(self._source(s.test) for s in skips)}) are left out first"
        )
        self.findings.append(
            replace(finding, span=span_of(loop), edit=edit, items=None, reason=reason)
        )
        return True


def _is_skip(stmt: ast.stmt) -> bool:
    """``if test: continue``, with nothing else done for the items it skips."""
    return (
        isinstance(stmt, ast.If)
        and not stmt.orelse
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], ast.Continue)
    )


def _negated(test: ast.expr, source: Callable[[ast.AST], str]) -> str:
    """``not <test>``, as written, to stand in an ``and`` of a comprehension's ``if``."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        operand = test.operand
        kept = source(operand)
        return f"({kept})" if isinstance(operand, ast.BoolOp | ast.IfExp) else kept
    if isinstance(test, ast.BoolOp | ast.IfExp | ast.NamedExpr | ast.Lambda):
        return f"not ({source(test)})"
    return f"not {source(test)}"
