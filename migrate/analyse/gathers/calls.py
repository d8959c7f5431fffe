"""Independent awaits in one block, with or without unrelated statements between."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from .. import dataflow
from ..model import Span
from .base import ORDINALS, Scan
from .computed import part_name, raising_parts
from .effects import seen_after_failure
from .model import GATHER_HELPERS, Finding, GatherEdit, span_of
from .syntax import names_only, strip_await, within


class CallScan(Scan):
    def _blocks(self, body: list[ast.stmt]) -> Iterator[list[ast.stmt]]:
        yield body
        for stmt in body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            if id(stmt) in self._fissioned:
                continue
            for name in ("body", "orelse", "finalbody"):
                inner = getattr(stmt, name, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    yield from self._blocks(inner)
            for handler in getattr(stmt, "handlers", []):
                yield from self._blocks(handler.body)
            for case in getattr(stmt, "cases", []):
                yield from self._blocks(case.body)

    def _calls(self, block: list[ast.stmt]) -> None:
        group: list[tuple[ast.stmt, list[ast.Call]]] = []
        between: list[ast.stmt] = []

        def flush() -> None:
            if sum(len(calls) for _, calls in group) >= 2:
                self._calls_finding(block, group)
            group.clear()
            between.clear()

        for stmt in block:
            if not isinstance(
                stmt, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Expr | ast.Return
            ):
                flush()
                continue
            every, maybe = self._fetches_of(stmt)
            owned = [c for c in self._awaited_in(stmt) if span_of(c) in self._owned]
            # A gather an earlier run wrote is already concurrent; joining it to
            # its neighbours would nest gathers the first run did not write.
            gathered = any(_is_gather(c) for c in every)
            if owned or maybe or gathered:
                flush()
                continue
            if not every:
                if isinstance(stmt, ast.Return):
                    flush()
                elif group:
                    between.append(stmt)
                continue
            if (
                not self._whole_line(stmt)
                or any(self._info(c).kind != "fetch" for c in every)
                # An earlier run's gather: it runs its calls together already.
                or any(self._info(c).short in GATHER_HELPERS for c in every)
                or any(self._nested_fetch(c) is not None for c in every)
            ):
                flush()
                continue
            own = self._depends_on_own_statement(stmt, every)
            if own is not None:
                # The gather would run the call before the part of its statement it needs.
                if group or self._fetches_elsewhere(block, stmt):
                    callees = tuple(dict.fromkeys(self._info(c).callee for c in every))
                    self.findings.append(
                        Finding("sequential-calls", span_of(stmt), callees, False, own)
                    )
                flush()
                continue
            dependent = self._depends(every, group, between)
            if dependent is not None:
                self.findings.append(
                    Finding(
                        "sequential-calls",
                        span_of(stmt),
                        (self._info(group[-1][1][-1]).callee, self._info(every[0]).callee),
                        False,
                        f"kept in order: {dependent}",
                    )
                )
                flush()
            group.append((stmt, every))
            if isinstance(stmt, ast.Return):
                flush()
        flush()

    def _depends_on_own_statement(self, stmt: ast.stmt, calls: list[ast.Call]) -> str | None:
        """Why a call can't go before its own statement: it reads what a part of the
        statement evaluated before it changes (``(t.bump(), get(t.count))``), or
        changes what such a part reads."""
        for call in calls:
            before = self._evaluated_before(call, stmt)
            short = self._info(call).short
            # The gathered calls are made of the same parts, evaluated in the same order.
            changed = self._writes(before, outside=calls)
            for read, written in dataflow.conflicts(dataflow.reads(call), changed):
                return (
                    f"kept in order: {short} reads {read}, which"
                    f" {self._source(changed[written])} changes before it in the same"
                    f" statement (line {stmt.lineno}); computing it in a statement of its"
                    " own, before the calls, would let them run together"
                )
            seen = set().union(set(), *(dataflow.reads(p) for p in before))
            for _, written in dataflow.conflicts(seen, self._changed_by(call)):
                return (
                    f"kept in order: {short} changes {written}, which the same statement"
                    f" reads before it (line {stmt.lineno}); a statement of its own after"
                    " that read would let the calls run together"
                )
        return None

    def _changed_by(self, call: ast.Call) -> set[str]:
        """What an awaited method call changes on its receiver (``self.login()``), a
        count it keeps too (``self.hits += 1``: read between the calls, it differs)."""
        func = call.func
        receiver = dataflow.path_of(func.value) if isinstance(func, ast.Attribute) else None
        if receiver is None:
            return set()
        info = self._info(call)
        return {f"{receiver}.{attr}" for attr in (*info.changes_receiver, *info.counts_receiver)}

    def _fetches_elsewhere(self, block: list[ast.stmt], stmt: ast.stmt) -> bool:
        return any(s is not stmt and self._awaited_in(s) for s in block)

    def _depends(
        self,
        calls: list[ast.Call],
        group: list[tuple[ast.stmt, list[ast.Call]]],
        between: list[ast.stmt],
    ) -> str | None:
        """Why, when one of ``calls`` reads what the code before it changed."""
        if not group:
            return None
        reads = set().union(*(dataflow.reads(c) for c in calls))
        earlier = [s for s, _ in group] + between
        changed = self._writes(earlier)
        hits = dataflow.conflicts(reads, changed)
        if not hits:
            return self._changes_what_came_before(calls, earlier)
        written = hits[0][1]
        source = changed[written]
        short = self._info(calls[0]).short
        if isinstance(source, ast.Call) and span_of(source) in self.awaited:
            info = self._info(source)
            if info.changes_receiver:
                attrs = ", ".join(f"{written}.{a}" for a in info.changes_receiver)
                return f"{info.short} changes {attrs}, and {short} after it reads {written}"
        for stmt, before in group:
            if source is stmt or within(source, stmt):
                return f"{short} needs {written} from {self._info(before[-1]).short}"
        return f"{short} needs {written} from the code before it"

    def _changes_what_came_before(
        self, calls: list[ast.Call], earlier: list[ast.stmt]
    ) -> str | None:
        """Why, when one of ``calls`` changes what the code before it read."""
        seen = set().union(set(), *(_reads(s) for s in earlier))
        for call in calls:
            for _, written in dataflow.conflicts(seen, self._changed_by(call)):
                info = self._info(call)
                return f"{info.short} changes {written}, which the code before it reads"
        return None

    def _calls_finding(
        self, block: list[ast.stmt], group: list[tuple[ast.stmt, list[ast.Call]]]
    ) -> None:
        calls = [c for _, cs in group for c in cs]
        first, last = group[0][0], group[-1][0]
        callees = tuple(self._info(c).callee for c in calls)
        span = Span(first.lineno, first.col_offset, last.end_lineno or 0, last.end_col_offset or 0)
        refusal = self._write_refusal(calls)
        if refusal:
            self.findings.append(
                Finding("sequential-calls", span, callees, False, f"kept in order: {refusal}")
            )
            return
        start = block.index(first)
        # What the legacy code did after the first call and before the last one
        # (the other statements, and what the calls' statements do with results),
        # and what the calls' statements evaluate before their calls.
        crossed = block[start : block.index(last)]
        leading = [p for stmt, cs in group for c in cs for p in self._evaluated_before(c, stmt)]
        seen = seen_after_failure(self.node, last, [*crossed, *leading], calls, set())
        raising = raising_parts(calls, self.local_names())
        if seen and raising:
            _, part, _ = raising[-1]
            self.findings.append(
                Finding(
                    "sequential-calls",
                    span,
                    callees,
                    False,
                    f"kept in order: {self._source(part)} (line {part.lineno}) may raise,"
                    f" which the legacy code did once {seen}; computed before the calls, it"
                    " would raise before that",
                )
            )
            return
        if seen:
            self._outcomes_finding(group, span, callees, seen)
            return
        names: list[str | None] = []
        drop: list[Span] = []
        for stmt, stmt_calls in group:
            crossed = block[start : block.index(stmt)]
            if isinstance(stmt, ast.Expr) and strip_await(stmt.value) is stmt_calls[0]:
                names.append("_")  # called for what it does: the result goes
                drop.append(span_of(stmt))
                continue
            hoisted = _hoistable(stmt, stmt_calls, crossed)
            if hoisted is not None:
                names.append(hoisted)
                drop.append(span_of(stmt))
                continue
            names.extend(None for _ in stmt_calls)
        unnamed = [c for c, n in zip(calls, names, strict=True) if n is None]
        made = iter(self._result_names(unnamed))
        named = [n if n is not None else next(made) for n in names]
        self._owned.update(span_of(c) for c in calls)
        edit = GatherEdit(
            form="calls",
            anchor=span_of(first),
            fetches=tuple(span_of(c) for c in calls),
            names=tuple(named),
            drop=tuple(drop),
            computed=self._computed_names(raising, calls, named),
        )
        self.findings.append(
            Finding(
                "sequential-calls",
                span,
                callees,
                True,
                f"{len(calls)} independent calls: latency goes from their sum to the slowest one",
                edit=edit,
                items=len(calls),
            )
        )

    def _computed_names(
        self,
        raising: list[tuple[ast.Call, ast.expr, str]],
        calls: list[ast.Call],
        results: list[str],
    ) -> tuple[tuple[Span, str], ...]:
        """Names for the parts computed before the gather (see ``computed``): what
        each is, told apart by its call's result where two would share one
        (``user_url``, ``org_url``)."""
        bases = [part_name(part, keyword, call) for call, part, keyword in raising]
        names = []
        for (call, part, _), base in zip(raising, bases, strict=True):
            index = calls.index(call)
            result = results[index] if results[index] != "_" else ORDINALS[index % 8]
            if bases.count(base) > 1 or base in self._taken:
                base = f"{_word(result)}_{base}"
            names.append((span_of(part), self._fresh(base)))
        return tuple(names)

    def _outcomes_finding(
        self,
        group: list[tuple[ast.stmt, list[ast.Call]]],
        span: Span,
        callees: tuple[str, ...],
        seen: str,
    ) -> None:
        """The calls gathered as outcomes, each taken where it stood: a later call's
        failure is raised once the code before it ran, as it was."""
        calls = [c for _, cs in group for c in cs]
        targets: list[str | None] = []
        for stmt, stmt_calls in group:
            value = stmt.value if isinstance(stmt, ast.Assign) else None
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else None
            if (
                isinstance(target, ast.Name | ast.Attribute)
                and value is not None
                and strip_await(value) is stmt_calls[0]
            ):
                targets.append(target.id if isinstance(target, ast.Name) else target.attr)
            else:
                targets.extend(None for _ in stmt_calls)
        # What a call's result is named for (its target, or what it is), and in
        # order when several are the same kind: ``first_outcome``, not ``user_1_outcome``.
        nouns = [t if t is not None else self._noun(c) for c, t in zip(calls, targets)]
        repeated = {n for n in nouns if nouns.count(n) > 1}
        ordinals = iter(ORDINALS)
        bases = [
            f"{next(ordinals, 'next')}" if t is None and n in repeated else n
            for n, t in zip(nouns, targets)
        ]
        names = [self._fresh(f"{b.removeprefix('fetched_')}_outcome") for b in bases]
        self._owned.update(span_of(c) for c in calls)
        edit = GatherEdit(
            form="calls",
            anchor=span_of(group[0][0]),
            fetches=tuple(span_of(c) for c in calls),
            names=tuple(names),
            outcomes=True,
        )
        self.findings.append(
            Finding(
                "sequential-calls",
                span,
                callees,
                True,
                f"{len(calls)} independent calls: latency goes from their sum to the slowest"
                " one; each result is taken where its call stood, so a failure is raised"
                f" once the code before it ran ({seen})",
                edit=edit,
                items=len(calls),
            )
        )


def _is_gather(call: ast.Call) -> bool:
    return (dataflow.path_of(call.func) or "").endswith(GATHER_HELPERS)


def _hoistable(stmt: ast.stmt, calls: list[ast.Call], between: list[ast.stmt]) -> str | None:
    """``a = f(x)`` (or ``a, b = f(x)``, or ``self.a = f(x)``) whose assignment can
    move up into the gather."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or len(calls) != 1:
        return None
    target = stmt.targets[0]
    attribute = isinstance(target, ast.Attribute) and dataflow.path_of(target) is not None
    if strip_await(stmt.value) is not calls[0] or not (names_only(target) or attribute):
        return None
    names = set(dataflow._targets(target))
    used = set().union(*(_reads(b) for b in between), dataflow.writes(between))
    if dataflow.conflicts(names, used):
        return None
    text = ast.unparse(target)
    return f"({text})" if isinstance(target, ast.Tuple) else text


def _word(target: str) -> str:
    """The word a result's target names it by: ``self.user`` -> ``user``, ``(a, b)`` -> ``a``."""
    words = re.findall(r"[A-Za-z_]\w*", target)
    if not words:
        return "result"
    return words[-1] if "." in target and "," not in target else words[0]


def _reads(stmt: ast.stmt) -> set[str]:
    """What ``stmt`` reads; ``obj.a = value`` reads only what ``value`` does (``obj``
    is where the value goes, not something read)."""
    if isinstance(stmt, ast.Assign) and all(dataflow.path_of(t) is not None for t in stmt.targets):
        return dataflow.reads(stmt.value)
    return dataflow.reads(stmt)
