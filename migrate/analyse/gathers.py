"""Fan-outs in one function: which awaits can run together, and how to rewrite them.

This is the only place fan-outs are recognised. It works on the stdlib ``ast``
of a function that is (or becomes) async, knowing which of its calls become
awaits, and decides with data flow (:mod:`migrate.analyse.dataflow`):

* a ``for`` loop that fetches once per item is split in two (loop fission):
  one bounded gather over the items, then the rest of the body over
  ``zip(items, results)``, in the original order;
* a comprehension (or a generator expression handed to ``list``, ``sum``,
  ``"".join``...) whose element fetches becomes a gather, the element then
  built from each result;
* independent awaits in one block, separated or not by unrelated statements,
  become one gather before the first of them.

Each safe spot carries a :class:`GatherEdit` that says exactly what the
rewrite does, in source positions; the rewrite never looks for shapes itself.
Every spot that stays sequential says why, and what would make it safe.
"""

from __future__ import annotations

import ast
import keyword
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from . import dataflow
from .catalogue import NON_IDEMPOTENT
from .model import Span

Form = Literal["calls", "fission", "comprehension"]
Pairing = Literal["whole", "values", "zip"]

CONSUMERS = frozenset({"list", "set", "tuple", "sorted", "sum", "max", "min", "frozenset", "dict"})
EARLY_EXIT_CONSUMERS = frozenset({"any", "all", "next"})


@dataclass(frozen=True)
class Awaited:
    """A call that is (or becomes) awaited, as the colouring sees it."""

    callee: str
    kind: Literal["fetch", "sleep", "bridge"]
    verbs: frozenset[str] = frozenset()
    unwound: bool = False  # ``async_to_sync(f)``: the call of its result is awaited

    @property
    def writes(self) -> frozenset[str]:
        return self.verbs & NON_IDEMPOTENT

    @property
    def short(self) -> str:
        return self.callee.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class GatherEdit:
    """What the rewrite does at a safe spot; positions are ``ast`` spans.

    ``anchor`` is replaced (``fission``: the loop; ``comprehension``: the
    comprehension, or the call it is handed to) or has the gather put before
    it (``calls``: the first statement). ``fetches`` are the calls gathered,
    in order; each becomes ``names[i]`` where it stood. Statements in
    ``drop`` go (their assignment moved into the gather); before ``reraise``
    a captured failure is raised again, inside the ``try`` that handled it.
    """

    form: Form
    anchor: Span
    fetches: tuple[Span, ...]
    names: tuple[str, ...]
    drop: tuple[Span, ...] = ()
    results: str = ""
    reraise: Span | None = None
    # fission: a name the fetch reads, computed in the body before it -> its expression.
    inline: tuple[tuple[str, str], ...] = ()
    # fission: ``name = list(iterable)`` first, when the iterable can't be read twice.
    materialise: str = ""
    # fission: the rest of the loop only appends each result to this list.
    collect: str = ""
    pairing: Pairing = "whole"
    consumer: bool = False  # comprehension: anchor is the call a generator is handed to


@dataclass(frozen=True)
class Finding:
    """A spot in one function, before the plan gives it its place."""

    kind: str
    span: Span
    calls: tuple[str, ...]
    safe: bool
    reason: str
    bounded: bool = False
    edit: GatherEdit | None = None
    items: int | None = None  # fan-out size when the source shows it (a literal list)


def span_of(node: ast.AST) -> Span:
    return Span(
        node.lineno,  # type: ignore[attr-defined]
        node.col_offset,  # type: ignore[attr-defined]
        node.end_lineno or node.lineno,  # type: ignore[attr-defined]
        node.end_col_offset or 0,  # type: ignore[attr-defined]
    )


class Refusal(Exception):
    """Why a shape stays sequential (the message goes in the plan)."""


@dataclass
class FunctionFanOuts:
    """Finds the fan-outs of one function."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    awaited: dict[Span, Awaited]
    lines: list[str]
    allow_reorder: bool = False
    module: ast.Module | None = None  # for module-level names the function reads
    limit_text: str = "--max-concurrency"
    findings: list[Finding] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set)
    _owned: set[Span] = field(default_factory=set)  # fetches a safe spot already gathers
    _fissioned: set[int] = field(default_factory=set)  # ids of loops split in two

    def run(self) -> list[Finding]:
        self._taken = {n.id for n in ast.walk(self.node) if isinstance(n, ast.Name)} | {
            a.arg for a in ast.walk(self.node) if isinstance(a, ast.arg)
        }
        parents: dict[int, ast.AST] = {}
        for parent in dataflow.walk_local(self.node):
            for child in ast.iter_child_nodes(parent):
                parents[id(child)] = parent
        self._parents = parents
        for sub in dataflow.walk_local(self.node):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Call):
                bridge = self.awaited.get(span_of(sub.func))
                if bridge is not None and bridge.unwound:
                    del self.awaited[span_of(sub.func)]
                    self.awaited[span_of(sub)] = bridge
        self._quiet = frozenset(
            id(n)
            for n in dataflow.walk_local(self.node)
            if isinstance(n, ast.Call) and span_of(n) in self.awaited
        )
        nodes = sorted(
            (n for n in dataflow.walk_local(self.node) if n is not self.node),
            key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)),
        )
        for sub in nodes:
            if isinstance(sub, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                self._comprehension(sub)
        for sub in nodes:
            if isinstance(sub, ast.For):
                self._loop(sub)
            elif isinstance(sub, ast.While):
                self._while(sub)
        for block in self._blocks(self.node.body):
            self._calls(block)
        return self.findings

    # -- helpers -------------------------------------------------------------------

    def _awaited_in(self, node: ast.AST, *, into_comprehensions: bool = True) -> list[ast.Call]:
        found = []
        for sub in dataflow.walk_local(node):
            if isinstance(sub, ast.Call) and span_of(sub) in self.awaited:
                if not into_comprehensions and self._in_comprehension(sub, node):
                    continue
                found.append(sub)
        return sorted(found, key=lambda c: (c.lineno, c.col_offset))

    def _in_comprehension(self, node: ast.AST, stop: ast.AST) -> bool:
        current = self._parents.get(id(node))
        while current is not None and current is not stop:
            if isinstance(current, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                return True
            current = self._parents.get(id(current))
        return False

    def _fresh(self, base: str) -> str:
        name = base if base.isidentifier() and not keyword.iskeyword(base) else "result"
        candidate, n = name, 2
        while candidate in self._taken:
            candidate = f"{name}_{n}"
            n += 1
        self._taken.add(candidate)
        return candidate

    def _result_name(self, call: ast.Call) -> str:
        """A name for a call's result: ``get_user(x)`` -> ``user``; HTTP verbs -> ``response``."""
        func = call.func
        last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if last.lower() in ("get", "post", "put", "patch", "delete", "head", "options", "request"):
            return self._fresh("response")
        for prefix in ("get_", "fetch_", "load_", "read_", "retrieve_", "lookup_", "query_"):
            if last.startswith(prefix) and len(last) > len(prefix):
                return self._fresh(last[len(prefix) :])
        return self._fresh(last or "result")

    def _plural(self, name: str) -> str:
        if len(name) <= 2 or name.endswith("s"):
            return self._fresh("results")
        if name.endswith("y") and not name.endswith(("ay", "ey", "oy", "uy")):
            return self._fresh(name[:-1] + "ies")
        return self._fresh(name + "s")

    def _whole_line(self, stmt: ast.stmt) -> bool:
        """Nothing else shares the statement's lines (no ``a = 1; b = f()``)."""
        first = self.lines[stmt.lineno - 1] if stmt.lineno <= len(self.lines) else ""
        end_line = stmt.end_lineno or stmt.lineno
        last = self.lines[end_line - 1] if end_line <= len(self.lines) else ""
        before = first.encode()[: stmt.col_offset].decode(errors="ignore")
        after = last.encode()[stmt.end_col_offset or 0 :].decode(errors="ignore").strip()
        return not before.strip() and (not after or after.startswith("#"))

    def _unconditional(self, node: ast.AST) -> Iterator[ast.AST]:
        """Sub-expressions that are evaluated whenever ``node`` is."""
        yield node
        if isinstance(node, ast.IfExp):
            yield from self._unconditional(node.test)
            return
        if isinstance(node, ast.BoolOp):
            yield from self._unconditional(node.values[0])
            return
        if isinstance(
            node,
            ast.Lambda
            | ast.ListComp
            | ast.SetComp
            | ast.DictComp
            | ast.GeneratorExp
            | ast.FunctionDef
            | ast.AsyncFunctionDef
            | ast.ClassDef,
        ):
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                continue
            yield from self._unconditional(child)

    def _fetches_of(self, expr: ast.AST) -> tuple[list[ast.Call], list[ast.Call]]:
        """Awaited calls evaluated every time ``expr`` is, and those that may not be."""
        every = [
            n
            for n in self._unconditional(expr)
            if isinstance(n, ast.Call) and span_of(n) in self.awaited
        ]
        ids = {id(n) for n in every}
        maybe = [c for c in self._awaited_in(expr) if id(c) not in ids]
        return sorted(every, key=lambda c: (c.lineno, c.col_offset)), maybe

    def _writes(self, nodes: list[ast.stmt]) -> dict[str, ast.AST]:
        """What ``nodes`` may change; the fetches are taken to change nothing local."""
        return dataflow.writes(nodes, self._quiet)

    def _info(self, call: ast.Call) -> Awaited:
        return self.awaited[span_of(call)]

    def _nested_fetch(self, call: ast.Call) -> ast.Call | None:
        """Another awaited call inside this one's arguments (it feeds this call)."""
        for sub in dataflow.walk_local(call):
            if sub is not call and isinstance(sub, ast.Call) and span_of(sub) in self.awaited:
                return sub
        return None

    def _write_refusal(self, calls: list[ast.Call]) -> str | None:
        if self.allow_reorder:
            return None
        verbs = sorted({v for c in calls for v in self._info(c).writes})
        if not verbs:
            return None
        return (
            f"{'/'.join(verbs)} requests whose order the upstream may observe"
            " (--allow-reorder runs them together when they are independent)"
        )

    def _refuse(self, kind: str, node: ast.AST, calls: list[ast.Call], reason: str) -> None:
        self.findings.append(
            Finding(
                kind,
                span_of(node),
                tuple(dict.fromkeys(self._info(c).callee for c in calls)),
                False,
                f"kept sequential: {reason}",
            )
        )

    # -- loops ---------------------------------------------------------------------

    def _loop(self, loop: ast.For) -> None:
        fetches = [c for c in self._awaited_in(loop) if span_of(c) not in self._owned]
        body_fetches = [
            c for c in fetches if not _within(c, loop.iter) and not _within(c, loop.target)
        ]
        if not body_fetches:
            return
        try:
            finding = self._fission(loop, body_fetches)
        except Refusal as why:
            first = body_fetches[0]
            if self._inside_inner_loop(first, loop):
                return  # the inner loop speaks for itself
            self._refuse("loop", loop, body_fetches, str(why))
            return
        self._fissioned.add(id(loop))
        self._owned.update(finding.edit.fetches if finding.edit else ())
        self.findings.append(finding)

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
        targets = list(dataflow._targets(loop.target))
        if not all("." not in t for t in targets) or not _names_only(loop.target):
            raise Refusal("the loop target is not a plain name")
        self._early_exit(loop)
        statement, fetch, handler = self._first_fetch(loop.body)
        info = self._info(fetch)
        index = loop.body.index(handler or statement)
        before = loop.body[:index]
        for stmt in before:
            for sub in _same_loop(stmt):
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
        nested = self._nested_fetch(fetch)
        if nested is not None:
            raise Refusal(f"{info.short} needs the result of {self._info(nested).short}")
        later = [c for c in fetches if c is not fetch and self._info(c).writes]
        if later and not self.allow_reorder:
            verbs = "/".join(sorted({v for c in later for v in self._info(c).writes}))
            raise Refusal(
                f"the loop also sends {verbs} per item: a later {info.short} could see an"
                " earlier write (--allow-reorder if it can't)"
            )
        if any(self._info(c).kind == "sleep" for c in fetches):
            raise Refusal("the loop paces its requests with sleep")

        # Data flow: the fetch reads only the loop target and what the body leaves alone.
        inline: dict[str, ast.expr] = {}
        reads = dataflow.reads(fetch)
        for stmt in before:
            if (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id in reads
                and dataflow.is_pure(stmt.value)
            ):
                inline[stmt.targets[0].id] = stmt.value
        for name, expression in inline.items():
            assigned = [s for s in loop.body if name in set(self._writes([s]))]
            if len(assigned) > 1:
                raise Refusal(f"the fetch reads {name}, which the loop body assigns more than once")
            reads.discard(name)
            reads |= dataflow.reads(expression)
        kept_before = [
            s
            for s in before
            if not (isinstance(s, ast.Assign) and set(dataflow.assigned_names(s)) <= set(inline))
        ]
        changed_before = self._writes(kept_before)
        for read, written in dataflow.conflicts(reads, changed_before):
            raise Refusal(
                f"{info.short} reads {read}, which the loop body changes before it"
                f" (line {getattr(changed_before[written], 'lineno', loop.lineno)})"
            )
        after = loop.body[index:]
        changed = self._writes(after)
        for read, written in dataflow.conflicts(reads, changed):
            if written.split(".")[0] in targets:
                continue  # the current item, rebound by the next iteration
            where = getattr(changed[written], "lineno", loop.lineno)
            if _assigned_from_results(after, written, self):
                raise Refusal(
                    f"each {info.short} needs {written} from the item before it (line {where}):"
                    " a chain such as pagination"
                )
            raise Refusal(f"{info.short} reads {read}, which the loop body changes (line {where})")
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
            and _strip_await(statement.value) is fetch
            and statement.targets[0].id not in bound
        ):
            value = statement.targets[0].id
            drop = (span_of(statement),)
        if not value:
            value = self._result_name(fetch)
        results = self._plural(value)
        collect = "" if handler is not None else _collector(loop, statement, fetch, value, drop)
        materialise = ""
        if not collect and not _reiterable(loop.iter, self.node, self.module):
            if isinstance(loop.iter, ast.Name):
                materialise = loop.iter.id
            else:
                materialise = self._fresh("items")
        callee = info.callee
        reason = (
            f"one {info.short} per item of {ast.unparse(loop.iter)}: fetched together (at most"
            f" {self.limit_text} at a time), then the rest of the loop runs per item, in order"
        )
        if handler is not None:
            reason += "; a failed fetch is raised again inside its try, where it was caught"
        edit = GatherEdit(
            form="fission",
            anchor=span_of(loop),
            fetches=(span_of(fetch),),
            names=(value,),
            drop=drop,
            results=results,
            reraise=span_of(statement) if handler is not None else None,
            inline=tuple((k, ast.unparse(v)) for k, v in inline.items()),
            materialise=materialise,
            collect=collect,
        )
        return Finding(
            "loop",
            span_of(loop),
            (callee,),
            True,
            reason,
            bounded=True,
            edit=edit,
            items=_literal_size(loop.iter, self.node),
        )

    def _early_exit(self, loop: ast.For) -> None:
        for stmt in loop.body:
            for sub in _same_loop(stmt):
                if isinstance(sub, ast.Break):
                    raise Refusal(
                        f"the loop can stop early (break, line {sub.lineno}): the legacy code"
                        " fetched fewer items"
                    )
            for sub in dataflow.walk_local(stmt):
                if isinstance(sub, ast.Return):
                    raise Refusal(
                        f"the loop can return early (line {sub.lineno}): the legacy code"
                        " fetched fewer items"
                    )
                if isinstance(sub, ast.Raise):
                    raise Refusal(
                        f"the loop can stop with raise (line {sub.lineno}): the legacy code"
                        " fetched fewer items"
                    )
                if isinstance(sub, ast.Yield | ast.YieldFrom):
                    raise Refusal("the loop yields per item: its consumer pulls items one by one")

    def _first_fetch(self, body: list[ast.stmt]) -> tuple[ast.stmt, ast.Call, ast.Try | None]:
        """The statement of the first fetch, the fetch, and the ``try`` it is in (if any)."""
        for stmt in body:
            if not self._awaited_in(stmt):
                continue
            if isinstance(stmt, ast.Try) and not isinstance(stmt, getattr(ast, "TryStar", ())):
                inner = [s for s in stmt.body if self._awaited_in(s)]
                if inner and inner[0] is not None:
                    found = self._fetch_of_statement(inner[0])
                    before = stmt.body[: stmt.body.index(inner[0])]
                    if before:
                        raise Refusal("the try runs other code before the fetch")
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
            raise Refusal(f"the fetch runs only for some items (inside an if, line {stmt.lineno})")
        if not isinstance(stmt, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Expr):
            kind = type(stmt).__name__.lower()
            raise Refusal(f"the fetch is inside a nested {kind} statement (line {stmt.lineno})")
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
        if chained:
            reason = (
                f"each request needs {chained[0][1]} from the one before it (pagination or"
                " polling): the next request is only known once the previous one answered"
            )
        else:
            reason = "a while loop: how many requests it makes depends on the answers"
        self._refuse("loop", loop, fetches, reason)

    # -- comprehensions ------------------------------------------------------------

    def _comprehension(
        self, comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
    ) -> None:
        element: list[ast.expr] = (
            [comp.key, comp.value] if isinstance(comp, ast.DictComp) else [comp.elt]
        )
        fetches = [c for e in element for c in self._awaited_in(e) if self._direct(c, comp)]
        in_clauses = [
            c
            for gen in comp.generators
            for part in (gen.iter, *gen.ifs)
            for c in self._awaited_in(part)
        ]
        if not fetches and not in_clauses:
            return
        try:
            finding = self._comprehension_fan_out(comp, element, fetches, in_clauses)
        except Refusal as why:
            self._refuse("comprehension", comp, fetches or in_clauses, str(why))
            return
        self._owned.update(finding.edit.fetches if finding.edit else ())
        self.findings.append(finding)

    def _direct(self, call: ast.AST, comp: ast.AST) -> bool:
        """The call belongs to ``comp`` itself, not to a comprehension nested in it."""
        current = self._parents.get(id(call))
        while current is not None and current is not comp:
            if isinstance(current, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                return False
            current = self._parents.get(id(current))
        return current is comp

    def _comprehension_fan_out(
        self,
        comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
        element: list[ast.expr],
        fetches: list[ast.Call],
        in_clauses: list[ast.Call],
    ) -> Finding:
        if in_clauses:
            raise Refusal("the items or the filter themselves are fetched per item")
        consumer = None
        if isinstance(comp, ast.GeneratorExp):
            parent = self._parents.get(id(comp))
            name = None
            if isinstance(parent, ast.Call) and parent.args == [comp] and not parent.keywords:
                func = parent.func
                if isinstance(func, ast.Name):
                    name = func.id
                elif isinstance(func, ast.Attribute) and func.attr == "join":
                    name = "join"
            if name in EARLY_EXIT_CONSUMERS:
                raise Refusal(
                    f"{name}() stops at the first item that decides it: the legacy code"
                    " fetched fewer items"
                )
            if name not in CONSUMERS and name != "join":
                raise Refusal("a generator consumed lazily, one item at a time")
            consumer = parent
        every: list[ast.Call] = []
        for part in element:
            found, _ = self._fetches_of(part)
            every.extend(found)
        if not every:
            raise Refusal("the fetch runs only for some items (a conditional expression)")
        fetch = every[0]
        info = self._info(fetch)
        if info.kind == "sleep":
            raise Refusal("the items are paced with sleep")
        refusal = self._write_refusal([fetch])
        if refusal:
            raise Refusal(refusal)
        nested = self._nested_fetch(fetch)
        if nested is not None:
            raise Refusal(f"{info.short} needs the result of {self._info(nested).short}")
        bound = {t for gen in comp.generators for t in dataflow._targets(gen.target)}
        if any(isinstance(n, ast.NamedExpr) for n in ast.walk(comp)):
            raise Refusal("the comprehension assigns with :=")
        others = [c for c in fetches if c is not fetch]
        if others:
            for other in others:
                if self._info(other).writes and not self.allow_reorder:
                    raise Refusal("the element also writes per item")
        # How the element is rebuilt from each result.
        whole = any(_strip_await(e) is fetch for e in element) and not isinstance(
            comp, ast.DictComp
        )
        uses_targets = any(
            isinstance(n, ast.Name) and n.id in bound and not _within(n, fetch)
            for e in element
            for n in ast.walk(e)
        )
        pairing: Pairing = "whole" if whole else "values"
        if not whole and uses_targets:
            if len(comp.generators) != 1 or comp.generators[0].ifs or comp.generators[0].is_async:
                raise Refusal(
                    "the element uses the item as well as the result, over several for/if clauses"
                )
            if not _reiterable(comp.generators[0].iter, self.node, self.module):
                raise Refusal(
                    f"the element uses the item as well as the result, and"
                    f" {ast.unparse(comp.generators[0].iter)} may not be iterable twice"
                    " (a list would be)"
                )
            pairing = "zip"
        value = self._result_name(fetch)
        edit = GatherEdit(
            form="comprehension",
            anchor=span_of(consumer if consumer is not None else comp),
            fetches=(span_of(fetch),),
            names=(value,),
            pairing=pairing,
            consumer=consumer is not None,
        )
        iterated = ast.unparse(comp.generators[0].iter)
        reason = (
            f"one {info.short} per item of {iterated}: run together, at most"
            f" {self.limit_text} at a time, results in order"
        )
        return Finding(
            "comprehension",
            span_of(comp),
            (info.callee,),
            True,
            reason,
            bounded=True,
            edit=edit,
            items=_literal_size(comp.generators[0].iter, self.node),
        )

    # -- independent calls in a block ---------------------------------------------

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
            if owned or maybe:
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
                or any(self._nested_fetch(c) is not None for c in every)
            ):
                flush()
                continue
            dependent = self._depends(every, group, between)
            if dependent is not None:
                name, callee = dependent
                self.findings.append(
                    Finding(
                        "sequential-calls",
                        span_of(stmt),
                        (self._info(group[-1][1][-1]).callee, self._info(every[0]).callee),
                        False,
                        f"kept in order: {self._info(every[0]).short} needs {name} from {callee}",
                    )
                )
                flush()
            group.append((stmt, every))
            if isinstance(stmt, ast.Return):
                flush()
        flush()

    def _depends(
        self,
        calls: list[ast.Call],
        group: list[tuple[ast.stmt, list[ast.Call]]],
        between: list[ast.stmt],
    ) -> tuple[str, str] | None:
        """(name, what set it) when one of ``calls`` reads what the code before it changed."""
        if not group:
            return None
        reads = set().union(*(dataflow.reads(c) for c in calls))
        earlier = [s for s, _ in group] + between
        changed = self._writes(earlier)
        hits = dataflow.conflicts(reads, changed)
        if not hits:
            return None
        written = hits[0][1]
        source = changed[written]
        for stmt, before in group:
            if source is stmt or _within(source, stmt):
                return written, self._info(before[-1]).short
        return written, "the code before it"

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
        names: list[str] = []
        drop: list[Span] = []
        for stmt, stmt_calls in group:
            crossed = block[start : block.index(stmt)]
            hoisted = _hoistable(stmt, stmt_calls, crossed)
            if hoisted is not None:
                names.append(hoisted)
                drop.append(span_of(stmt))
                continue
            names.extend(self._result_name(c) for c in stmt_calls)
        self._owned.update(span_of(c) for c in calls)
        edit = GatherEdit(
            form="calls",
            anchor=span_of(first),
            fetches=tuple(span_of(c) for c in calls),
            names=tuple(names),
            drop=tuple(drop),
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


def _hoistable(stmt: ast.stmt, calls: list[ast.Call], between: list[ast.stmt]) -> str | None:
    """``a = f(x)`` (or ``a, b = f(x)``) whose assignment can move up into the gather."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or len(calls) != 1:
        return None
    if _strip_await(stmt.value) is not calls[0] or not _names_only(stmt.targets[0]):
        return None
    target = stmt.targets[0]
    names = set(dataflow._targets(target))
    used = set().union(*(dataflow.reads(b) for b in between), dataflow.writes(between))
    if names & used:
        return None
    text = ast.unparse(target)
    return f"({text})" if isinstance(target, ast.Tuple) else text


def _collector(
    loop: ast.For, statement: ast.stmt, fetch: ast.Call, value: str, drop: tuple[Span, ...]
) -> str:
    """``out`` when, the fetch aside, the loop only does ``out.append(result)``."""
    rest = [s for s in loop.body if s is not statement] if drop else list(loop.body)
    if loop.orelse or len(rest) != 1 or not isinstance(rest[0], ast.Expr):
        return ""
    call = rest[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "append"
        and isinstance(call.func.value, ast.Name)
        and len(call.args) == 1
        and not call.keywords
        and call.func.value.id not in set(dataflow._targets(loop.target))
    ):
        return ""
    appended = _strip_await(call.args[0])
    if appended is fetch or (isinstance(appended, ast.Name) and drop and appended.id == value):
        return call.func.value.id
    return ""


def _names_only(target: ast.AST) -> bool:
    if isinstance(target, ast.Name):
        return True
    if isinstance(target, ast.Tuple | ast.List):
        return all(_names_only(e) for e in target.elts)
    return False


def _strip_await(node: ast.AST) -> ast.AST:
    return node.value if isinstance(node, ast.Await) else node


def _within(node: ast.AST, container: ast.AST) -> bool:
    return any(sub is node for sub in ast.walk(container))


def _same_loop(stmt: ast.stmt) -> Iterator[ast.AST]:
    """Nodes of ``stmt`` whose break/continue belong to the enclosing loop."""
    stack: list[ast.AST] = [stmt]
    while stack:
        current = stack.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if isinstance(
                child,
                ast.For
                | ast.AsyncFor
                | ast.While
                | ast.FunctionDef
                | ast.AsyncFunctionDef
                | ast.Lambda
                | ast.ClassDef,
            ):
                if not isinstance(child, ast.For | ast.AsyncFor | ast.While):
                    continue
                # A nested loop's else clause still belongs to us; its body does not.
                stack.extend(child.orelse)
                continue
            stack.append(child)


def _assignment_of(stmts: list[ast.stmt], name: str) -> ast.stmt | None:
    for stmt in stmts:
        if name in set(dataflow.assigned_names(stmt)):
            return stmt
    return None


def _assigned_from_results(body: list[ast.stmt], path: str, scan: FunctionFanOuts) -> bool:
    """Whether the body sets ``path`` from something it fetched (a cursor, a next link)."""
    fetched: set[str] = set()
    for stmt in body:
        if scan._awaited_in(stmt):
            fetched |= set(scan._writes([stmt]))
        for sub in dataflow.walk_local(stmt):
            targets = set(dataflow.assigned_names(sub))
            value = getattr(sub, "value", None)
            if value is not None and targets and dataflow.reads(value) & fetched:
                fetched |= targets
    return any(dataflow.touches(path, f) for f in fetched)


SEQUENCE_CALLS = frozenset({"list", "tuple", "sorted", "set", "range", "dict", "frozenset"})
ITERATOR_CALLS = frozenset({"map", "filter", "iter", "zip", "reversed", "enumerate", "open"})


def _reiterable(node: ast.expr, function: ast.AST, module: ast.Module | None = None) -> bool:
    """Whether evaluating ``node`` twice gives the same items (a list, not a generator)."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict | ast.Constant):
        return True
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp):
        return False  # would run twice
    if isinstance(node, ast.Attribute | ast.Subscript):
        return dataflow.is_pure(node)
    if isinstance(node, ast.Call):
        func = dataflow.path_of(node.func)
        if func in SEQUENCE_CALLS and all(
            _reiterable(a, function) or isinstance(a, ast.Name) for a in node.args
        ):
            return func != "range" or all(dataflow.is_pure(a) for a in node.args)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("items", "keys", "values"):
            return isinstance(node.func.value, ast.Name | ast.Attribute)
        return False
    if isinstance(node, ast.Name):
        # A parameter annotated as a collection, or a local bound to one.
        for sub in ast.walk(function):
            if isinstance(sub, ast.arg) and sub.arg == node.id:
                return _collection_annotation(sub.annotation)
        values = [
            s.value
            for s in ast.walk(function)
            if isinstance(s, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
        ]
        if not values and module is not None:
            values = [
                s.value
                for s in module.body
                if isinstance(s, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
            ]
        return bool(values) and all(
            isinstance(
                v,
                ast.List
                | ast.Tuple
                | ast.Set
                | ast.Dict
                | ast.ListComp
                | ast.SetComp
                | ast.DictComp,
            )
            or (
                isinstance(v, ast.Call)
                and (
                    dataflow.path_of(v.func) in SEQUENCE_CALLS
                    or (isinstance(v.func, ast.Attribute) and v.func.attr in ("json", "split"))
                )
            )
            or isinstance(v, ast.Subscript)
            for v in values
        )
    return False


def _collection_annotation(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = dataflow.path_of(base) or ""
    return name.rsplit(".", 1)[-1] in (
        "list",
        "List",
        "tuple",
        "Tuple",
        "set",
        "Set",
        "frozenset",
        "dict",
        "Dict",
        "Sequence",
        "Collection",
        "Mapping",
        "range",
    )


def _literal_size(node: ast.expr, function: ast.AST) -> int | None:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return len(node.elts)
    if isinstance(node, ast.Call) and dataflow.path_of(node.func) == "range" and node.args:
        bounds = node.args
        if all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in bounds):
            values = [a.value for a in bounds]  # type: ignore[attr-defined]
            return len(range(*values))
    return None
