"""Loops: a ``for`` that fetches once per item is split in two (loop fission)."""

from __future__ import annotations

import ast
from dataclasses import replace

from .. import dataflow
from ..model import Span
from .effects import seen_after_failure
from .filtered import FilteredLoops
from .model import LINE_LENGTH, Finding, GatherEdit, Refusal, span_of
from .syntax import (
    broad_catch,
    collector,
    literal_size,
    names_only,
    reiterable,
    same_loop,
    strip_await,
    unnamed_catch,
    within,
)


class LoopScan(FilteredLoops):
    def _loop(self, loop: ast.For) -> None:
        fetches = [c for c in self._awaited_in(loop) if span_of(c) not in self._owned]
        body_fetches = [
            c for c in fetches if not within(c, loop.iter) and not within(c, loop.target)
        ]
        if not body_fetches:
            return
        if self._kept_as_it_is(loop, body_fetches):
            return
        if self._flattened(loop, body_fetches) or self._filtered(loop, body_fetches):
            return
        try:
            finding = self._fission(loop, body_fetches)
        except Refusal as why:
            whole = self._whole_body(loop, body_fetches)
            if whole is not None:
                finding = whole
            elif self._inside_inner_loop(body_fetches[0], loop):
                return  # the inner loop speaks for itself
            else:
                self._refuse("loop", loop, body_fetches, str(why))
                return
        else:
            if finding.edit is not None and len(finding.edit.fetches) < len(body_fetches):
                # Some calls stay in the loop, in order: the whole body per item runs them all.
                finding = self._whole_body(loop, body_fetches) or finding
        if finding.edit is not None and finding.edit.form == "body":
            self._owned.update(span_of(c) for c in body_fetches)
        self._fissioned.add(id(loop))
        self._owned.update(finding.edit.fetches if finding.edit else ())
        self.findings.append(finding)

    def _flattened(self, outer: ast.For, fetches: list[ast.Call]) -> bool:
        """A loop whose whole body is a loop that fetches once per inner item: one
        gather over every (outer, inner) pair, then one loop over the pairs.

        Gathering per outer item would wait for the slowest call of each group
        before starting the next group. The pairs are listed once, in the order
        the nested loops visit them, so each iterable is read as often as before.
        """
        inner = outer.body[0] if len(outer.body) == 1 else None
        if not isinstance(inner, ast.For) or outer.orelse or inner.orelse:
            return False
        if any(within(c, inner.iter) for c in fetches) or any(
            within(c, outer.iter) for c in fetches
        ):
            return False
        if not names_only(outer.target) or not names_only(inner.target):
            return False
        names = list(
            dict.fromkeys([*dataflow._targets(outer.target), *dataflow._targets(inner.target)])
        )
        used = {n.id for stmt in inner.body for n in ast.walk(stmt) if isinstance(n, ast.Name)}
        kept = [n for n in names if n in used] or names[-1:]
        element = kept[0] if len(kept) == 1 else f"({', '.join(kept)})"
        pairs = ast.parse(
            f"[{element} for {ast.unparse(outer.target)} in {self._source(outer.iter)}"
            f" for {ast.unparse(inner.target)} in {self._source(inner.iter)}]",
            mode="eval",
        ).body
        target = ast.parse(element, mode="eval").body
        flat = ast.For(target=target, iter=pairs, body=inner.body, orelse=[], type_comment=None)
        for node in (flat, pairs, target, *ast.walk(target), *ast.walk(pairs)):
            ast.copy_location(node, outer)
        flat.end_lineno, flat.end_col_offset = outer.end_lineno, outer.end_col_offset
        self._parents[id(flat)] = self._parents.get(id(outer), self.node)
        for stmt in inner.body:
            self._parents[id(stmt)] = flat
        # Nothing the pairs are made of may change while the loops run.
        changed = self._writes(inner.body)
        if dataflow.conflicts(dataflow.reads(outer.iter) | dataflow.reads(inner.iter), changed):
            return False
        try:
            finding = self._fission(flat, fetches)
        except Refusal:
            for stmt in inner.body:
                self._parents[id(stmt)] = inner
            return False
        assert finding.edit is not None
        plural = "pairs" if len(kept) == 2 else self._plural(kept[0]) if len(kept) == 1 else "items"
        listed = self._fresh(plural) if plural == "pairs" else plural
        clauses = [
            element,
            f"for {self._source(outer.target)} in {self._source(outer.iter)}",
            f"for {self._source(inner.target)} in {self._source(inner.iter)}",
        ]
        making = f"{listed} = [{' '.join(clauses)}]"
        if outer.col_offset + len(making) > LINE_LENGTH:
            making = f"{listed} = [\n" + "".join(f"    {c}\n" for c in clauses) + "]"
        edit = replace(
            finding.edit,
            anchor=span_of(outer),
            flatten=(listed, making, element),
            materialise="",
            collect="",
        )
        self._fissioned.update({id(outer), id(inner)})
        self._owned.update(edit.fetches)
        short = self._info(fetches[0]).short
        reason = (
            f"one {short} per item of {ast.unparse(inner.iter)}, for each item of"
            f" {ast.unparse(outer.iter)}: all fetched together (at most {self.limit_text} at a"
            " time), then the inner loop's body runs per pair, in order"
        )
        self.findings.append(
            replace(finding, span=span_of(outer), edit=edit, items=None, reason=reason)
        )
        return True

    def _whole_body(self, loop: ast.For, fetches: list[ast.Call]) -> Finding | None:
        try:
            return self._per_item(loop, fetches)
        except Refusal:
            return None

    def _inside_inner_loop(self, node: ast.AST, loop: ast.AST) -> bool:
        current = self._parents.get(id(node))
        while current is not None and current is not loop:
            if isinstance(
                current,
                ast.For | ast.While | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
            ):
                return True
            current = self._parents.get(id(current))
        return False

    def _fission(self, loop: ast.For, fetches: list[ast.Call]) -> Finding:
        if self._gathered_before(loop):
            raise Refusal(
                "the loop walks the results of a gather made before it: what it still"
                " fetches needs an earlier result of the same item"
            )
        targets = list(dataflow._targets(loop.target))
        if not all("." not in t for t in targets) or not names_only(loop.target):
            raise Refusal("the loop target is not a plain name")
        self._early_exit(loop)
        statement, fetch, handler = self._first_fetch(loop.body)
        info = self._info(fetch)
        index = loop.body.index(handler or statement)
        before = loop.body[:index]
        for stmt in before:
            for sub in same_loop(stmt):
                if isinstance(sub, ast.Continue):
                    raise Refusal(
                        f"some items are skipped before the fetch (continue, line {sub.lineno});"
                        " filter the items first to run the fetches together"
                    )
        if not self._whole_line(statement):
            raise Refusal("the fetch shares its line with another statement")
        if info.kind == "sleep":
            raise Refusal("the loop paces its requests with sleep")
        if info.kind == "bridge":
            raise Refusal(f"{info.short} runs in a worker thread (a sync call bridged per item)")
        refusal = self._write_refusal([fetch])
        if refusal:
            raise Refusal(refusal)
        changes = self._receiver_refusal(fetch, targets)
        if changes:
            raise Refusal(changes)
        nested = self._nested_fetch(fetch)
        if nested is not None:
            raise Refusal(f"{info.short} needs the result of {self._info(nested).short}")
        later = [c for c in fetches if c is not fetch and self._info(c).may_write]
        if later and not self.allow_reorder:
            verbs = "/".join(sorted({v for c in later for v in self._info(c).writes}))
            verbs = verbs or "requests with a method chosen at run time"
            raise Refusal(
                f"the loop also sends {verbs} per item: a later {info.short} could see an"
                " earlier write (--allow-reorder if it can't)"
            )
        if any(self._info(c).kind == "sleep" for c in fetches):
            raise Refusal("the loop paces its requests with sleep")

        # Data flow: the fetch reads only the loop target and what the body leaves alone.
        # What the try runs before the fetch can only be what the fetch is made of.
        in_try = handler.body[: handler.body.index(statement)] if handler else []
        inline: dict[str, ast.expr] = {}
        reads = dataflow.reads(fetch)
        for stmt in [*before, *in_try]:
            if (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id in reads
                and dataflow.is_pure(stmt.value)
            ):
                inline[stmt.targets[0].id] = stmt.value
        if handler is not None and in_try:
            if any(
                not isinstance(s, ast.Assign) or not set(dataflow.assigned_names(s)) <= set(inline)
                for s in in_try
            ):
                raise Refusal("the try runs other code before the fetch")
            broad = broad_catch(handler)
            if broad:
                raise Refusal(
                    f"the try computes the fetch's arguments first, and its except catches"
                    f" {broad}, which computing them could raise"
                )
        for name, expression in inline.items():
            assigned = [s for s in loop.body if name in set(self._writes([s]))]
            if len(assigned) > 1:
                raise Refusal(f"the fetch reads {name}, which the loop body assigns more than once")
            reads.discard(name)
            reads |= dataflow.reads(expression)
        # What the callee reads of the module: ``session.headers[...] = t`` or ``global
        # TOKEN; TOKEN = t`` before it feeds the call, as an argument would (and
        # cannot be inlined into one).
        calls = [c for c in dataflow.walk_local(fetch) if isinstance(c, ast.Call)]
        module = {name for c in calls for name in self.globals_read(c)}
        reads |= module - dataflow.local_names(self.node) - set(inline)
        kept_before = [
            s
            for s in before
            if not (isinstance(s, ast.Assign) and set(dataflow.assigned_names(s)) <= set(inline))
        ]
        changed_before = self._writes(kept_before)
        for read, written in dataflow.conflicts(reads, changed_before):
            raise Refusal(
                f"{info.short} reads {read}, which the loop body may change before it"
                f" (line {getattr(changed_before[written], 'lineno', loop.lineno)});"
                " computing what the fetch needs from the item alone would make it safe"
            )
        after = loop.body[index:]
        changed = self._writes(after)
        for read, written in dataflow.conflicts(reads, changed):
            if written.split(".")[0] in targets:
                continue  # the current item, rebound by the next iteration
            where = getattr(changed[written], "lineno", loop.lineno)
            source = changed[written]
            if any(
                source is p or within(source, p) for p in self._evaluated_before(fetch, statement)
            ):
                raise Refusal(
                    f"{info.short} reads {read}, which {self._source(source)} changes before it"
                    f" in the same statement (line {where}): run together, every call would"
                    " read it before any change; computing it from the item alone would make"
                    " it safe"
                )
            if self._assigned_from_results(after, written):
                raise Refusal(
                    f"each {info.short} needs {written} from the item before it (line {where}):"
                    " a chain such as pagination"
                )
            raise Refusal(
                f"{info.short} reads {read}, which the loop body may change (line {where});"
                " if that change cannot reach the fetch, move it after the loop"
            )
        bound = set(targets) | set(inline)
        changed = self._writes(loop.body)
        iterated = dataflow.reads(loop.iter)
        touched = dataflow.conflicts(iterated, changed)
        if touched:
            raise Refusal(f"the loop changes {touched[0][1]}, which it iterates over")

        # The rewrite: where the result goes in the second loop.
        drop: tuple[Span, ...] = ()
        value = ""
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and strip_await(statement.value) is fetch
            and statement.targets[0].id not in bound
        ):
            value = statement.targets[0].id
            drop = (span_of(statement),)
        walrus = self._parents.get(id(fetch))
        if (
            isinstance(walrus, ast.NamedExpr)
            and walrus.target.id not in bound
            and not any(walrus.target.id in dataflow.reads(s) for s in before)
        ):
            # ``if (user := get(x))["ok"]``: the loop binds ``user``, the test reads it.
            value = walrus.target.id
        # Seen after a failure: what the legacy loop did for the items before it.
        body_calls = [c for c in self._awaited_in(loop) if any(within(c, s) for s in loop.body)]
        seen = ""
        if handler is None:
            seen = seen_after_failure(self.node, loop, loop.body, body_calls, set())
        if (
            handler is None
            and not seen
            and (
                (isinstance(statement, ast.Expr) and strip_await(statement.value) is fetch)
                or (value and not self._read_anywhere(value))
            )
        ):
            # Called for what it does: the results go, and so does the statement.
            drop, value, results = (span_of(statement),), "_", ""
        if not value:
            value = self._result_name(fetch)
        others, left = self._more_fetches(loop, statement, bound, inline, handler, named=bool(seen))
        gathered = [fetch, *(c for c, _, _ in others)]
        unmade = [c for c in body_calls if c not in gathered]
        if handler is None and not seen and unmade:
            seen = f"it calls {self._info(unmade[0]).short} per item"
            if value == "_":
                raise Refusal(
                    f"the loop also calls {self._info(unmade[0]).short} per item, which the"
                    " legacy code did for every item before a failing one"
                )
        outcomes = handler is not None or bool(seen)
        caught = span_of(handler) if handler is not None else None
        unnamed = unnamed_catch(handler, self._writes(loop.body)) if handler else ""
        if unnamed:
            raise Refusal(unnamed)
        if outcomes:
            # Each result is taken where its call stood, so a failure is raised
            # there: the statements making the calls stay.
            drop = ()
            bases = [value, *(name for _, name, _ in others)] if others else []
            names = [self._fresh(f"{b.removeprefix('fetched_')}_outcome") for b in bases]
            names = names or [self._fresh("outcome")]
            results = self._fresh("outcomes")
        else:
            names = [value, *(name for _, name, _ in others)]
            drop += tuple(span for _, _, spans in others for span in spans)
            if set(names) == {"_"}:
                results = ""
            else:
                results = self._fresh("results") if others else self._plural(value)
        collect = ""
        if handler is None and results and not others and not seen:
            collect = collector(loop, statement, fetch, value, drop)
        # ``url = f"{base}/{i}"`` read by the fetch alone goes into the gather for good.
        for stmt in [*before, *in_try]:
            made = set(dataflow.assigned_names(stmt))
            if made and made <= set(inline) and self._whole_line(stmt):
                read_elsewhere = any(
                    isinstance(n, ast.Name)
                    and n.id in made
                    and not any(within(n, c) for c in (fetch, *(c for c, _, _ in others)))
                    for n in ast.walk(self.node)
                    if isinstance(getattr(n, "ctx", None), ast.Load)
                )
                if not read_elsewhere:
                    drop += (span_of(stmt),)
        materialise = ""
        if not collect and not reiterable(loop.iter, self.node, self.module):
            materialise = self._listed_name(loop.iter, loop)
        callee = info.callee
        reason = (
            f"one {info.short} per item of {ast.unparse(loop.iter)}: fetched together (at most"
            f" {self.limit_text} at a time), then the rest of the loop runs per item, in order"
        )
        if others:
            shorts = " and ".join(self._info(c).short for c in (fetch, *(c for c, _, _ in others)))
            reason = (
                f"{shorts} per item of {ast.unparse(loop.iter)}: fetched together (each item's"
                f" calls as a tuple, at most {self.limit_text} calls at a time), then the"
                " rest of the loop runs per item, in order"
            )
        if handler is not None:
            reason += (
                "; each result is taken inside its try, where a failure was caught (and"
                " the item's calls after it are not made); a failure the try does not"
                " catch stops the gather, as it stopped the loop"
            )
        if seen:
            reason += (
                "; a failure is raised where the loop made the call, once the items"
                f" before it were handled ({seen}), and the calls after it are cancelled"
            )
        if left:
            reason += f"; {left}"
        edit = GatherEdit(
            form="fission",
            anchor=span_of(loop),
            fetches=(span_of(fetch), *(span_of(c) for c, _, _ in others)),
            names=tuple(names),
            drop=drop,
            results=results,
            outcomes=outcomes,
            caught=caught,
            inline=tuple((k, self._source(v)) for k, v in inline.items()),
            materialise=materialise,
            collect=collect,
            checked=not others and self._checked_after(statement, value, info.callee),
        )
        return Finding(
            "loop",
            span_of(loop),
            (callee,),
            True,
            reason,
            bounded=True,
            edit=edit,
            items=literal_size(loop.iter, self.node, self.module),
        )

    def _checked_after(self, statement: ast.stmt, name: str, callee: str) -> bool:
        """``r = session.get(url)`` then, right after it, ``r.raise_for_status()``."""
        if callee.split(".")[0] not in ("requests", "httpx"):
            return False  # a function of the project: what it raises fails the call
        parent = self._parents.get(id(statement))
        for block in (getattr(parent, f, None) for f in ("body", "orelse", "finalbody")):
            if isinstance(block, list) and statement in block:
                index = block.index(statement) + 1
                after = block[index] if index < len(block) else None
                return (
                    isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Call)
                    and not after.value.args
                    and dataflow.path_of(after.value.func) == f"{name}.raise_for_status"
                )
        return False

    def _first_fetch(self, body: list[ast.stmt]) -> tuple[ast.stmt, ast.Call, ast.Try | None]:
        """The statement of the first fetch, the fetch, and the ``try`` it is in (if any)."""
        for stmt in body:
            if not self._awaited_in(stmt):
                continue
            if isinstance(stmt, ast.Try) and not isinstance(stmt, getattr(ast, "TryStar", ())):
                inner = [s for s in stmt.body if self._awaited_in(s)]
                if inner and inner[0] is not None:
                    found = self._fetch_of_statement(inner[0])
                    if not stmt.handlers:
                        raise Refusal("the fetch is in a try without except")
                    return inner[0], found, stmt
                raise Refusal("the first fetch is in an except or finally clause")
            return stmt, self._fetch_of_statement(stmt), None
        raise Refusal("no fetch found")

    def _fetch_of_statement(self, stmt: ast.stmt) -> ast.Call:
        if isinstance(stmt, ast.If):
            every, _ = self._fetches_of(stmt.test)
            if every:
                return every[0]
            raise Refusal(
                f"the fetch runs only for some items (inside an if, line {stmt.lineno});"
                " filter the items first to run the fetches together"
            )
        if not isinstance(stmt, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Expr):
            kind = type(stmt).__name__.lower()
            raise Refusal(
                f"the fetch is inside a nested {kind} statement (line {stmt.lineno}), which"
                " the analysis does not split"
            )
        every, maybe = self._fetches_of(stmt)
        if not every:
            raise Refusal(f"the fetch runs only for some items (line {stmt.lineno})")
        if maybe and (maybe[0].lineno, maybe[0].col_offset) < (
            every[0].lineno,
            every[0].col_offset,
        ):
            raise Refusal(f"the fetch runs only for some items (line {stmt.lineno})")
        return every[0]

    def _while(self, loop: ast.While) -> None:
        fetches = [c for c in self._awaited_in(loop) if span_of(c) not in self._owned]
        if not fetches or self._inside_inner_loop(fetches[0], loop):
            return
        changed = self._writes(loop.body)
        reads = dataflow.reads(fetches[0])
        chained = dataflow.conflicts(reads, changed)
        if chained and self._assigned_from_results(loop.body, chained[0][1]):
            reason = (
                f"each request needs {chained[0][1]} from the one before it (pagination or"
                " polling): the next request is only known once the previous one answered"
            )
        elif chained:
            reason = (
                f"a while loop that sets {chained[0][1]} for each request: a for loop over"
                " the items it takes would run them together"
            )
        else:
            reason = "a while loop: how many requests it makes depends on the answers"
        self._refuse("loop", loop, fetches, reason)
