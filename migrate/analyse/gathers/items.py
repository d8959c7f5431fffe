"""A loop's other calls per item: those that can join its first fetch's gather.

``user = get_user(i)`` then ``post = get_post(i)`` in one loop body: both are
gathered, as a tuple per item. A later call joins when every item makes it
(no ``continue`` or condition before it), nothing the body computes before it
feeds it, and it neither writes nor changes a shared receiver; the first one
that cannot join stays in the loop, with the reason in the plan.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .. import dataflow
from ..model import Span
from .base import Scan
from .computed import may_raise, parts
from .model import span_of
from .syntax import same_loop, strip_await


class ItemCalls(Scan):
    def _more_fetches(
        self,
        loop: ast.For,
        first: ast.stmt,
        bound: set[str],
        inline: dict[str, ast.expr],
        handled: ast.Try | None = None,
        named: bool = False,
    ) -> tuple[list[tuple[ast.Call, str, tuple[Span, ...]]], str]:
        """The fetches after the first one in the loop's body that can run with it,
        each with the name of its result and the statements that go; and why the
        next one, if any, stays in the loop.

        With the first fetch in the ``try`` that ``handled`` is, only the fetches
        right after it in that ``try`` join: a failure caught there skipped them,
        and still does (an item's calls are made in turn, up to its first failure).
        """
        found: list[tuple[ast.Call, str, tuple[Span, ...]]] = []
        body = loop.body
        if handled is not None:
            body = [*loop.body[: loop.body.index(handled)], *handled.body]
        start = body.index(first)
        whole_body = self._writes(loop.body)
        for index in range(start, len(body)):
            stmt = body[index]
            calls = [c for c in self._awaited_in(stmt) if span_of(c) not in self._owned]
            if index == start:
                # More calls in the first fetch's statement, evaluated after it.
                for call in calls[1:]:
                    why = self._joins(call, bound, inline, whole_body)
                    if why:
                        return found, f"{self._info(call).short} stays in the loop: {why}"
                    found.append((call, self._result_name(call), ()))
                continue
            if not calls:
                if handled is None:
                    continue
                later = [c for s in body[index:] for c in self._awaited_in(s)]
                if later:
                    why = "the try runs other code before it, which may fail first"
                    return found, f"{self._info(later[0]).short} stays in the loop: {why}"
                return found, ""
            short = self._info(calls[0]).short
            why = self._stays(loop, stmt, calls, start, index, bound, inline, whole_body, body)
            if why:
                return found, f"{short} stays in the loop: {why}"
            (call,) = calls
            if isinstance(stmt, ast.Expr):
                # Made for what it does; a failure handed back is still raised there.
                name = "_" if handled is None and not named else self._result_name(call)
                found.append((call, name, (span_of(stmt),)))
                continue
            single = isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) and single else None
            if (
                isinstance(stmt, ast.Assign)
                and isinstance(target, ast.Name)
                and strip_await(stmt.value) is call
                and target.id not in bound
                and not any(target.id in dataflow.reads(s) for s in body[:index])
            ):
                found.append((call, target.id, (span_of(stmt),)))
            else:
                found.append((call, self._result_name(call), ()))
        if handled is not None:
            after = [
                c for s in loop.body[loop.body.index(handled) + 1 :] for c in self._awaited_in(s)
            ]
            if after:
                why = "it runs after the try, once the item's failure, if any, was handled"
                return found, f"{self._info(after[0]).short} stays in the loop: {why}"
        return found, ""

    def _stays(
        self,
        loop: ast.For,
        stmt: ast.stmt,
        calls: list[ast.Call],
        start: int,
        index: int,
        bound: set[str],
        inline: dict[str, ast.expr],
        whole_body: dict[str, ast.AST],
        body: list[ast.stmt],
    ) -> str:
        """Why a later fetch of ``body`` (the loop's, or up to and into the first
        fetch's ``try``) cannot join the first one's gather."""
        if not isinstance(stmt, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Expr):
            return "it is inside a nested statement"
        every, maybe = self._fetches_of(stmt)
        if len(calls) > 1 or maybe or every != calls or not self._whole_line(stmt):
            return "its statement makes more than one call, or makes it only sometimes"
        (call,) = calls
        for sub in (n for s in body[start:index] for n in same_loop(s)):
            if isinstance(sub, ast.Continue):
                return f"some items skip it (continue, line {sub.lineno})"
        between = self._writes(body[:index])
        for _, written in dataflow.conflicts(self._inlined_reads(call, inline), between):
            if written.split(".")[0] in bound or written in inline:
                continue
            line = getattr(between[written], "lineno", loop.lineno)
            return f"it needs {written}, set before it in the loop (line {line})"
        return self._joins(call, bound, inline, whole_body)

    def _joins(
        self,
        call: ast.Call,
        bound: set[str],
        inline: dict[str, ast.expr],
        whole_body: dict[str, ast.AST],
    ) -> str:
        """Why ``call`` cannot run with the loop's first fetch, whatever is before it."""
        info = self._info(call)
        if info.kind != "fetch" or self._nested_fetch(call) is not None:
            return "it waits or needs another call's result"
        if any(
            isinstance(p, ast.Call) and span_of(p) in self.awaited for p in self._ancestors(call)
        ):
            return "its result is handed to another call"
        if self._write_refusal([call]):
            return f"it sends {'/'.join(sorted(info.writes)) or 'a method chosen at run time'}"
        receiver = self._receiver_refusal(call, sorted(bound))
        if receiver:
            return receiver
        # The item's calls are made as a tuple: a part of this one that raises would
        # leave the call before it made and never awaited.
        local = self.local_names()
        for part, _ in parts(call):
            inlined = [e for n, e in inline.items() if n in dataflow.reads(part)]
            if any(may_raise(p, local) for p in (part, *inlined)):
                return f"computing {self._source(part)} may raise, once the call before it was made"
        reads = self._inlined_reads(call, inline)
        for read, written in dataflow.conflicts(reads, whole_body):
            if written.split(".")[0] not in bound and written not in inline:
                return f"it reads {read}, which the loop changes"
        return ""

    def _inlined_reads(self, call: ast.Call, inline: dict[str, ast.expr]) -> set[str]:
        reads = dataflow.reads(call)
        for name, expression in inline.items():
            if name in reads:
                reads = (reads - {name}) | dataflow.reads(expression)
        return reads

    def _ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        current = self._parents.get(id(node))
        while current is not None and not isinstance(current, ast.stmt):
            yield current
            current = self._parents.get(id(current))
