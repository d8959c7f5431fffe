"""MIG005 gather: independent awaits run together.

The analysis finds the fan-outs and names, for each safe one, the edit to
make (:class:`migrate.analyse.gathers.GatherEdit`); this rule carries it
out and recognises no shape itself. The calls gathered go to one awaited
``gather_in_order`` call, a small stdlib helper in the package's helpers
module (see ``rewrite/helpers.py``):

* ``calls``: ``a = f(x)`` ... ``b = g(y)`` ->
  ``a, b = await gather_in_order(f(x), g(y))`` before the first of them;
* ``fission``: a loop that fetches once per item -> the fetches gathered
  (bounded), then the rest of the loop over ``zip(items, results)``; a loop
  that only appends each result extends its list with the gather instead,
  and a list that starts empty just before it is the gather's result;
* ``comprehension``: ``[f(x)["id"] for x in xs]`` ->
  ``[r["id"] for r in await gather_in_order((f(x) for x in xs), limit=N)]``.

Why a helper and not bare ``asyncio.gather``: ``gather`` raises whichever
exception happens first in time, and ``TaskGroup`` raises an
``ExceptionGroup`` that ``except httpx.HTTPError:`` does not catch. The
helper raises what the sequential code would have raised first (the first
failing call in order) and cancels the calls after it, and it bounds a
user-sized fan-out so an upstream is never flooded.

The module is long because each edit form (and the thread pools the
analysis hands over) rebuilds statements of its own; they share the
bookkeeping of one pass over the file.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

import libcst as cst

from ...analyse.concurrency import Spot
from ...analyse.gathers.model import GATHER_HELPER, OUTCOMES_HELPER, Adds
from ...plan.edits import GatherAt
from ..context import RuleContext
from ..item_workers import worker
from ..nodes import code_of, taken_by_next
from ..strings import preferred_quote, requote, substitute
from .base import Rule, StatementResult, on_leave, on_visit

HELPER = GATHER_HELPER


def _starts_empty(stmt: cst.BaseStatement, name: str, adds: Adds = "append") -> str | None:
    """``name = []`` (or ``list()``, or annotated; ``set()`` for ``adds`` "add",
    ``{}`` or ``dict()`` for "item") alone on its line: what goes before the ``=``
    (``name``, or ``name: list[int]``)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    assign = stmt.body[0]
    if isinstance(assign, cst.AnnAssign) and assign.value is not None:
        target, value = assign.target, assign.value
        declared = f"{code_of(target)}: {code_of(assign.annotation.annotation)}"
    elif isinstance(assign, cst.Assign) and len(assign.targets) == 1:
        target, value = assign.targets[0].target, assign.value
        declared = code_of(target)
    else:
        return None
    made = {"append": "list", "add": "set", "item": "dict"}[adds]
    display = {"append": cst.List, "add": None, "item": cst.Dict}[adds]
    empty = (display is not None and isinstance(value, display) and not value.elements) or (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == made
        and not value.args
    )
    return declared if empty and code_of(target) == name else None


def _generator_of_map(expr: cst.BaseExpression) -> cst.GeneratorExp | None:
    """``map(lambda x: f(x), xs)`` -> ``(f(x) for x in xs)``; None for anything else."""
    if not (
        isinstance(expr, cst.Call)
        and len(expr.args) == 2
        and isinstance(expr.args[0].value, cst.Lambda)
    ):
        return None
    lam = expr.args[0].value
    (param,) = lam.params.params
    return cst.GeneratorExp(
        elt=lam.body,
        for_in=cst.CompFor(target=param.name, iter=expr.args[1].value),
    )


def _appended_to(loop: cst.For) -> list[cst.Name]:
    """``futures`` of ``for x in xs: futures.append(...)``."""
    found: list[cst.Name] = []
    for line in loop.body.body if isinstance(loop.body, cst.IndentedBlock) else ():
        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
            call = small.value if isinstance(small, cst.Expr) else None
            if (
                isinstance(call, cst.Call)
                and isinstance(call.func, cst.Attribute)
                and call.func.attr.value == "append"
                and isinstance(call.func.value, cst.Name)
            ):
                found.append(call.func.value)
    return found


def _taking_outcomes(loop: cst.For) -> cst.For:
    """``for user in await gather_outcomes(...)``: ``for outcome in ...`` whose body
    first takes ``user = outcome.result()`` (raising that call's failure there)."""
    assert isinstance(loop.body, cst.IndentedBlock)
    name = "outcome"
    while name in _names_in(loop):
        name = f"_{name}"
    target = code_of(loop.target)
    taken = cst.parse_statement(f"{target} = {name}.result()\n")
    body = loop.body.with_changes(body=[taken, *loop.body.body])
    return loop.with_changes(target=cst.Name(name), body=body)


def _item_name(items: cst.BaseExpression, taken: set[str]) -> str:
    """A name for one of ``items``: ``user_id`` for ``user_ids``, else ``item``."""
    name = items.value if isinstance(items, cst.Name) else ""
    singular = name[:-1] if name.endswith("s") and len(name) > 2 else ""
    if not singular.isidentifier() or singular in taken or singular in dir(builtins):
        singular = "item"
    while singular in taken:
        singular = f"_{singular}"
    return singular


def _names_in(*nodes: cst.CSTNode) -> set[str]:
    """Every name ``nodes`` mention (attributes' own names aside)."""
    found: set[str] = set()

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

    for node in nodes:
        node.visit(Names())
    return found


def loop_else(loop: cst.For) -> tuple[cst.CSTNode, ...]:
    return (loop.orelse,) if loop.orelse is not None else ()


def _strip_await(expr: cst.BaseExpression) -> cst.BaseExpression:
    return expr.expression if isinstance(expr, cst.Await) else expr


# Lines the rewrite writes stay within ruff format's default width; a project
# with a formatter configured gets its own style from it afterwards.
LINE_LENGTH = 88


def _helper(at: GatherAt) -> str:
    """The helper a gather awaits: outcomes, to be taken where the calls stood, or results."""
    return OUTCOMES_HELPER if at.edit.outcomes else HELPER


def _call_statement(
    target: str, element: str, clauses: str, bound: str, indent: int = 0, helper: str = HELPER
) -> cst.BaseStatement:
    """``target = await gather_in_order((element clauses), bound)``, wrapped as ruff would
    (no ``target =`` when ``target`` is empty)."""
    head = f"{target} = await {helper}(" if target else f"await {helper}("
    made = _generated(element, clauses)
    if indent + len(head) + len(made) + len(bound) + 3 <= LINE_LENGTH:
        return cst.parse_statement(f"{head}{made}, {bound})\n")
    if indent + 4 + len(made) + len(bound) + 2 <= LINE_LENGTH:
        return cst.parse_statement(f"{head}\n    {made}, {bound}\n)\n")
    bounds = "".join(f"    {b.strip()},\n" for b in _top_level(bound))
    if indent + 4 + len(made) + 1 <= LINE_LENGTH:
        return cst.parse_statement(f"{head}\n    {made},\n{bounds})\n")
    return cst.parse_statement(
        f"{head}\n    (\n        {element}\n        {clauses}\n    ),\n{bounds})\n"
    )


def _generated(element: str, clauses: str) -> str:
    """``(fetch(x) for x in xs)``: the gather makes the calls as it takes them,
    so one whose arguments fail leaves none made before it unawaited."""
    return f"({element} {clauses})" if clauses else f"({element})"


def _top_level(arguments: str) -> list[str]:
    """``limit=10, caught=(A, B)`` -> ``["limit=10", " caught=(A, B)"]``."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(arguments):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(arguments[start:index])
            start = index + 1
    return [*parts, arguments[start:]]


def _spaced(function: cst.BaseStatement, first: bool) -> cst.BaseStatement:
    """A nested function with a blank line above it, as ruff format writes it,
    unless it opens its block."""
    lines = list(getattr(function, "leading_lines", ()))
    if first or (lines and lines[0].comment is None):
        return function
    return _lead(function, [cst.EmptyLine(indent=False), *lines])


def _for(loop: cst.CompFor) -> str:
    """``async for`` where the comprehension iterated an async generator."""
    return "for" if loop.asynchronous is None else "async for"


def _lead(stmt: cst.BaseStatement, lines: Sequence[cst.EmptyLine]) -> cst.BaseStatement:
    """``stmt`` with the comments and blank lines that stood above what it replaces."""
    if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        return stmt.with_changes(leading_lines=lines)
    return stmt


class Gather(Rule):
    code = "MIG005"
    name = "gather"
    summary = "independent sequential awaits -> one gather, bounded for user-sized fan-outs"

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.gathers = ctx.edits.gathers
        # Gathered calls in their final form, by (id of the edit, index).
        self.fetched: dict[tuple[int, int], cst.BaseExpression] = {}
        # Parts of them computed before the gather: (name, final form) by edit id;
        # where each part stands -> its gather and name.
        self.computed: dict[int, list[tuple[str, cst.BaseExpression]]] = {}
        self.parts_at = {where: (at, name) for at in self.gathers for where, name in at.computed}
        self.clients: dict[int, cst.WithItem] = {}
        self.markers: dict[str, GatherAt] = {}
        self.marker_count = 0
        # Gathers that go before a statement, by where the statement starts.
        self.hoisted: dict[tuple[int, int], list[cst.BaseStatement]] = {}
        # One-off clients of gathers left inside their statement (by the gather's span).
        self.inline_clients: list[tuple[tuple[int, int, int, int], cst.WithItem]] = []
        # Names holding a thread pool's futures that became results, per function.
        self.submitted_in: list[set[str]] = [set()]
        self.result_vars: list[str] = []
        # ``out.extend(gather)`` statements made here: (out, the calls, the limit).
        # Loop bodies made nested functions (ids): the extend of their gather follows.
        # (ids -> the call of one item, the ``for`` clause, the loop's indent).
        self.workers: dict[int, tuple[str, str, int]] = {}
        # ... how their items add to the collection, and, when the items skipped give
        # None, the name of one value and of the gather's results ("" if none), by the
        # id of the statement adding them; and the statements made with it (ids).
        self.adding: dict[int, tuple[Adds, str, str]] = {}
        self.made_with: dict[int, set[int]] = {}
        self.extends: dict[int, tuple[str, str, int | str]] = {}
        # Lists made here from ``map(...)`` (ids), for ``list(...)`` around them.
        self.unmapped: set[int] = set()
        # ``map(...)`` calls of which ``next()`` takes the first result (ids).
        self.taken_first: set[int] = set()
        # Names holding a map kept lazy, taken by ``next()`` only (per function).
        self.lazy_names: list[set[str]] = [set()]
        # Iterables of ``for`` loops (ids), and those that became async generators.
        self.loop_iters: set[int] = set()
        self.async_iters: set[int] = set()
        # ... and those that became a gather's outcomes, taken in the loop (ids).
        self.outcome_iters: set[int] = set()
        # Thread pools becoming a TaskPool (their names, innermost last), and the
        # ``pool.as_completed(...)`` calls made in them (ids): loops over them are async.
        self.task_pools: list[str] = []
        self.completing: set[int] = set()
        # The classes the try at a position catches, as ``caught=`` of its gather.
        self.caught: dict[tuple[int, int], str] = {}
        # f-strings we are in, and the quote the file's strings use.
        self.fstrings = 0
        self.quote = '"'

    # -- the edits the plan names --------------------------------------------------------

    def _take_fetch(
        self, original: cst.Call | cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        """A gathered call: keep its final form for the gather, leave its result's name."""
        pos = self.ctx.pos(original)
        if pos is None:
            return None
        for at in self.gathers:
            index = at.fetch_index(pos)
            if index is None:
                continue
            fetched = _strip_await(updated)
            if self.fstrings:
                # Out of the f-string: the quotes the rest of the file uses.
                fetched = requote(fetched, self.quote)
            self.fetched[(id(at), index)] = fetched
            client = self.ctx.fan_out_clients.get(pos)
            if client is not None:
                self.clients.setdefault(id(at), client)
            name = at.edit.names[index]
            return cst.parse_expression(f"{name}.result()" if at.edit.outcomes else name)
        return None

    def _computed_part(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """A part of a gathered call computed before the gather: its name."""
        found = self.parts_at.get(self.ctx.pos(original) or (0, 0, 0, 0)) if self.parts_at else None
        if found is None:
            return updated
        at, name = found
        # Out of an f-string, if in one: the quotes the rest of the file uses.
        part = requote(updated, self.quote) if self.fstrings else updated
        self.computed.setdefault(id(at), []).append((name, part))
        return cst.Name(name)

    @on_leave(cst.Arg)
    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        """An argument of a gathered call computed before the gather."""
        value = self._computed_part(original.value, updated.value)
        return updated if value is updated.value else updated.with_changes(value=value)

    @on_visit(cst.Module)
    def visit_Module(self, node: cst.Module) -> None:
        if self.gathers:
            self.quote = preferred_quote(node)

    @on_visit(cst.FormattedString)
    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.fstrings += 1

    @on_leave(cst.FormattedString)
    def leave_FormattedString(
        self, original: cst.FormattedString, updated: cst.FormattedString
    ) -> cst.FormattedString:
        self.fstrings -= 1
        return updated

    @on_leave(cst.NamedExpr)
    def leave_NamedExpr(
        self, original: cst.NamedExpr, updated: cst.NamedExpr
    ) -> cst.BaseExpression:
        """``(user := get(x))`` whose call was gathered as ``user``: just ``user``."""
        target, value = updated.target, updated.value
        pos = self.ctx.pos(_strip_await(original.value))
        gathered = pos is not None and any(at.fetch_index(pos) is not None for at in self.gathers)
        if gathered and isinstance(target, cst.Name) and isinstance(value, cst.Name):
            if target.value == value.value:
                return value.with_changes(lpar=[], rpar=[])
        return updated

    @on_leave(cst.Await)
    def leave_Await(self, original: cst.Await, updated: cst.BaseExpression) -> cst.BaseExpression:
        """``(await f(x))["id"]`` in code already async: once ``f(x)`` is gathered,
        its result is there and the await goes with it."""
        pos = self.ctx.pos(original.expression)
        if pos is None or not isinstance(updated, cst.Await):
            return updated
        if any(at.fetch_index(pos) is not None for at in self.gathers):
            return updated.expression.with_changes(lpar=[], rpar=[])
        return updated

    def _fetched(self, at: GatherAt) -> list[cst.BaseExpression]:
        calls = [self.fetched.get((id(at), i)) for i in range(len(at.fetches))]
        missing = [i for i, call in enumerate(calls) if call is None]
        if missing:
            # The plan and the file disagree: fail the file rather than write half an edit.
            raise RuntimeError(f"gather at line {at.anchor[0]}: a gathered call was not found")
        return [c for c in calls if c is not None]

    @on_leave(cst.SimpleStatementLine)
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        pos = self.ctx.pos(original)
        if pos is not None and pos[:2] in self.ctx.edits.idle_pools:
            # ``pool = ThreadPoolExecutor(...)`` or ``pool.shutdown()``: the pool's work
            # became gathers, nothing else uses it.
            self.ctx.maybe_remove_import("concurrent.futures", "ThreadPoolExecutor")
            self.ctx.maybe_remove_import("concurrent.futures")
            self.ctx.note(
                self.code, pos[0], "the thread pool goes: its calls run on the event loop"
            )
            return cst.RemovalSentinel.REMOVE
        if pos is None or not self.gathers:
            return updated
        inside = [c for c in self.inline_clients if pos[:2] <= c[0][:2] and c[0][2:] <= pos[2:]]
        if inside:
            self.inline_clients = [c for c in self.inline_clients if c not in inside]
            body = updated.with_changes(leading_lines=[])
            return _inside(inside[0][1], body).with_changes(leading_lines=updated.leading_lines)
        hoisted = self.hoisted.pop(pos[:2], [])
        if hoisted:
            first = _lead(hoisted[0], updated.leading_lines)
            if any(at.edit.form == "early-exit" and pos[:2] in at.drop for at in self.gathers):
                return cst.FlattenSentinel([first, *hoisted[1:]])  # ``ok = all(...)``
            rest = updated.with_changes(leading_lines=[])
            return cst.FlattenSentinel([first, *hoisted[1:], rest])
        start = pos[:2]
        for at in self.gathers:
            if at.edit.form == "early-exit" and at.anchor[:2] == start and at.hoist is None:
                return self._early_exit(at, updated)
            if at.edit.form == "threads" and at.anchor[:2] == start:
                return self._threads(at, updated)
            anchor = at.edit.form == "calls" and at.anchor[:2] == start
            if anchor:
                marker = self._marker(at).with_changes(leading_lines=updated.leading_lines)
                if start in at.drop:
                    return marker
                return cst.FlattenSentinel([marker, updated.with_changes(leading_lines=[])])
            if start in at.drop:
                return cst.RemovalSentinel.REMOVE
        return updated

    @on_leave(cst.If)
    def leave_skip(self, original: cst.If, updated: cst.If) -> StatementResult:
        """``if test: continue`` whose items a filtered gather's list leaves out."""
        pos = self.ctx.pos(original)
        if pos is not None and any(at.edit.filtered and pos[:2] in at.drop for at in self.gathers):
            return cst.RemovalSentinel.REMOVE
        return updated

    @on_leave(cst.Try)
    def leave_Try(self, original: cst.Try, updated: cst.Try) -> StatementResult:
        """A try a gather's outcomes are taken in: its classes, as they now read.
        A ``finally`` that only shut down a thread pool that went goes with it."""
        closed = original.finalbody is not None and all(
            (self.ctx.pos(s) or (0, 0))[:2] in self.ctx.edits.idle_pools
            for s in original.finalbody.body.body
        )
        if (
            closed
            and not updated.handlers
            and updated.orelse is None
            and isinstance(updated.body, cst.IndentedBlock)
        ):
            body = list(updated.body.body)
            first = body[0]
            if isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement):
                body[0] = _lead(first, [*updated.leading_lines, *first.leading_lines])
            return cst.FlattenSentinel(body)
        if closed:
            updated = updated.with_changes(finalbody=None)
        pos = self.ctx.pos(original)
        if pos is None or not any(at.caught == pos[:2] for at in self.gathers):
            return updated
        kinds: list[str] = []
        for handler in updated.handlers:
            if handler.type is None:
                kinds.append("Exception")
            elif isinstance(handler.type, cst.Tuple):
                kinds += [code_of(e.value) for e in handler.type.elements]
            else:
                kinds.append(code_of(handler.type))
        kinds = list(dict.fromkeys(kinds))
        self.caught[pos[:2]] = kinds[0] if len(kinds) == 1 else f"({', '.join(kinds)})"
        return updated

    def _early_exit(self, at: GatherAt, updated: cst.SimpleStatementLine) -> StatementResult:
        """``return any(p(await f(x)) for x in xs)`` -> a loop that returns where any() did."""
        (statement,) = updated.body
        call = statement.value if isinstance(statement, cst.Return) else None
        if isinstance(call, cst.Await) and isinstance(call.expression, cst.Call):
            call = call.expression  # ``next(gen, default)`` made ``await anext(...)`` already
        first = at.edit.names[0] == "next"
        if not isinstance(call, cst.Call) or len(call.args) != (2 if first else 1):
            raise RuntimeError(f"early exit at line {at.anchor[0]}: not a call")
        items = call.args[0].value
        if not isinstance(items, cst.GeneratorExp | cst.ListComp):
            raise RuntimeError(f"early exit at line {at.anchor[0]}: not a generator")
        loop = items.for_in
        test = code_of(items.elt)
        loose = cst.BooleanOperation | cst.IfExp | cst.Lambda | cst.NamedExpr
        if isinstance(items.elt, loose):
            test = f"({test})"
        decided = at.edit.names[0] == "any"
        condition = test if decided else f"not {test}"
        guards = [
            f"({code_of(i.test)})" if isinstance(i.test, loose) else code_of(i.test)
            for i in loop.ifs
        ]
        if first:
            # ``next(gen, default)``: the first item's element, or the default.
            head = f"{_for(loop)} {code_of(loop.target)} in {code_of(loop.iter)}:\n"
            found = f"return {code_of(items.elt)}\n"
            if guards:
                code = f"{head}    if {' and '.join(guards)}:\n        {found}"
            else:
                code = f"{head}    {found}"
            new_loop = _lead(cst.parse_statement(code), updated.leading_lines)
            ending = cst.parse_statement(f"return {code_of(call.args[1].value)}\n")
            self.ctx.note(self.code, at.anchor[0], "next() kept lazy as a loop")
            return cst.FlattenSentinel([new_loop, ending])
        if guards:
            condition = " and ".join([*guards, condition])
        code = (
            f"{_for(loop)} {code_of(loop.target)} in {code_of(loop.iter)}:\n"
            f"    if {condition}:\n"
            f"        return {decided}\n"
        )
        new_loop = _lead(cst.parse_statement(code), updated.leading_lines)
        ending = cst.parse_statement(f"return {not decided}\n")
        self.ctx.note(self.code, at.anchor[0], f"{at.edit.names[0]}() kept lazy as a loop")
        return cst.FlattenSentinel([new_loop, ending])

    def _decided_before(self, at: GatherAt, call: cst.Call) -> cst.BaseExpression:
        """``if any(p(await f(x)) for x in xs):`` -> a loop before the statement that
        stops where any() stopped, setting the name the statement reads instead."""
        assert at.hoist is not None
        items = call.args[0].value if len(call.args) == 1 else None
        if not isinstance(items, cst.GeneratorExp | cst.ListComp):
            raise RuntimeError(f"early exit at line {at.anchor[0]}: not a generator")
        name, decided = at.edit.names
        loop = items.for_in
        loose = cst.BooleanOperation | cst.IfExp | cst.Lambda | cst.NamedExpr
        test = code_of(items.elt)
        if isinstance(items.elt, loose):
            test = f"({test})"
        guards = [
            f"({code_of(i.test)})" if isinstance(i.test, loose) else code_of(i.test)
            for i in loop.ifs
        ]
        if name == "all" and isinstance(items.elt, cst.Comparison):
            test = f"({test})"  # ``not (v >= 3)`` reads as what it does
        condition = " and ".join([*guards, test if name == "any" else f"not {test}"])
        found = name == "any"
        code = (
            f"{_for(loop)} {code_of(loop.target)} in {code_of(loop.iter)}:\n"
            f"    if {condition}:\n"
            f"        {decided} = {found}\n"
            f"        break\n"
        )
        statements = [
            cst.parse_statement(f"{decided} = {not found}\n"),
            cst.parse_statement(code),
        ]
        self.hoisted.setdefault(at.hoist, []).extend(statements)
        self.ctx.note(self.code, at.anchor[0], f"{name}() kept lazy as a loop")
        return cst.Name(decided)

    def _threads(self, at: GatherAt, updated: cst.SimpleStatementLine) -> cst.BaseStatement:
        """The threads' workers run as one gather where the list of threads was made."""
        limit = self._limit(at.spot)
        statement = _call_statement(
            "", at.edit.generator, "", f"limit={limit}, return_exceptions=True", at.anchor[1]
        )
        self.ctx.maybe_remove_import("threading")
        self._used(at, f"tasks instead of threads, at most {limit} at a time")
        return _lead(statement, updated.leading_lines)

    def _marker(self, at: GatherAt) -> cst.SimpleStatementLine:
        """Where a ``calls`` gather goes; the block fills it in once every call was seen."""
        self.marker_count += 1
        name = f"_migrate_gather_{self.marker_count}"
        self.markers[name] = at
        return cst.SimpleStatementLine([cst.Expr(cst.Name(name))])

    @on_leave(cst.IndentedBlock)
    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        if self.extends:
            updated = self._results_list(updated)
        if not self.markers:
            return updated
        body: list[cst.BaseStatement] = []
        changed = False
        for stmt in updated.body:
            at = self._marked(stmt)
            if at is None or not isinstance(stmt, cst.SimpleStatementLine):
                body.append(stmt)
                continue
            at_marker = stmt
            calls = [code_of(c) for c in self._fetched(at)]
            targets = ", ".join(at.edit.names)
            if set(at.edit.names) == {"_"}:
                targets = ""  # every call made for what it does
            arguments = "".join(f"    {call},\n" for call in calls)
            assign = f"{targets} = " if targets else ""
            indent = at.anchor[1]
            if indent + len(assign) + len(f"await {HELPER}(") > LINE_LENGTH:
                # Targets too long for one line, laid out as ruff format would.
                listed = "".join(f"    {name},\n" for name in at.edit.names)
                assign = f"(\n{listed}) = "
            new = cst.parse_statement(f"{assign}await {_helper(at)}(\n{arguments})\n")
            computed: list[cst.BaseStatement] = [
                cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(n))], part)])
                for n, part in self.computed.pop(id(at), [])
            ]
            if len(computed) != len(at.computed):
                raise RuntimeError(f"gather at line {at.anchor[0]}: a computed part was not found")
            made = [*computed, self._with_client(at, new)]
            body += [_lead(made[0], at_marker.leading_lines), *made[1:]]
            self._used(at, f"{len(calls)} calls run together")
            changed = True
        return updated.with_changes(body=body) if changed else updated

    def _results_list(self, block: cst.IndentedBlock) -> cst.IndentedBlock:
        """``out = []`` then ``out.extend(await gather_in_order(...))``: the list
        is the gather's result, ``out = await gather_in_order(...)``."""
        body: list[cst.BaseStatement] = []
        for stmt in block.body:
            extend = self.extends.pop(id(stmt), None)
            if extend is None:
                body.append(stmt)
                continue
            out, gathered, limit = extend
            # A loop's body run per item: its function (and the gather, when skipped
            # items are left out) stand between the collection and what fills it.
            made = self.made_with.pop(id(stmt), set())
            before: list[cst.BaseStatement] = []
            while body and id(body[-1]) in made:
                before.insert(0, body.pop())
            worker = before[0] if before and id(before[0]) in self.workers else None
            adds, value, fetched = self.adding.pop(id(stmt), ("append", "", ""))
            declared = _starts_empty(body[-1], out, adds) if body else None
            if declared is None:
                if worker is not None:
                    before[0] = _spaced(before[0], first=not body)
                body.extend([*before, stmt])
                continue
            start = body.pop()
            assert isinstance(start, cst.SimpleStatementLine)  # checked by _starts_empty
            if worker is None:
                code = f"{declared} = await {HELPER}({gathered}, limit={limit})\n"
                if len(code) > 80:
                    code = f"{declared} = await {HELPER}(\n    {gathered},\n    limit={limit},\n)\n"
                body.append(_lead(cst.parse_statement(code), start.leading_lines))
                continue
            lines = [*start.leading_lines, *getattr(before[0], "leading_lines", ())]
            body.append(_spaced(_lead(before[0], lines), first=not body))
            element, clauses, indent = self.workers[id(worker)]
            assert isinstance(stmt, cst.SimpleStatementLine)  # the statement made here
            if value:
                body.extend(before[1:])  # ``fetched = await gather_in_order(...)``
                kept = f"{value} for {value} in {fetched} if {value} is not None"
                code = {
                    "append": f"{declared} = [{kept}]",
                    "add": f"{declared} = {{{kept}}}",
                    "item": f"{declared} = dict({kept})",
                }[adds]
                body.append(cst.parse_statement(code + "\n"))
            elif adds == "append":
                call = _call_statement(declared, element, clauses, f"limit={limit}", indent)
                body.append(_lead(call, stmt.leading_lines))
            else:
                kind = "set" if adds == "add" else "dict"
                code = f"{declared} = {kind}(await {HELPER}({gathered}, limit={limit}))\n"
                body.append(_lead(cst.parse_statement(code), stmt.leading_lines))
        return block.with_changes(body=body)

    def _marked(self, stmt: cst.BaseStatement) -> GatherAt | None:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            expr = stmt.body[0]
            if isinstance(expr, cst.Expr) and isinstance(expr.value, cst.Name):
                return self.markers.pop(expr.value.value, None)
        return None

    def _with_client(self, at: GatherAt, stmt: cst.BaseStatement) -> cst.BaseStatement:
        """One ``async with`` client around a gather of one-off requests."""
        client = self.clients.get(id(at))
        return stmt if client is None else _inside(client, stmt)

    @on_leave(cst.For)
    def leave_For(self, original: cst.For, updated: cst.For) -> StatementResult:
        if id(updated.iter) in self.completing:
            return updated.with_changes(asynchronous=cst.Asynchronous())
        pos = self.ctx.pos(original)
        if pos is not None and any(
            at.edit.form == "threads" and pos[:2] in at.drop for at in self.gathers
        ):
            return cst.RemovalSentinel.REMOVE  # a loop that started or joined the threads
        at = next(
            (
                g
                for g in self.gathers
                if g.edit.form == "fission" and pos is not None and g.anchor[:2] == pos[:2]
            ),
            None,
        )
        if at is None:
            at = next(
                (
                    g
                    for g in self.gathers
                    if g.edit.form == "body" and pos is not None and g.anchor[:2] == pos[:2]
                ),
                None,
            )
            return updated if at is None else self._per_item(at, updated)
        return self._fission(at, updated)

    def _per_item(self, at: GatherAt, loop: cst.For) -> cst.FlattenSentinel[cst.BaseStatement]:
        """The loop's body as a nested async function, gathered over the items."""
        edit = at.edit
        name = edit.names[0]
        function, params = worker(name, loop, edit.collect, list(loop.leading_lines), edit.adds)
        limit = self._limit(at.spot)
        call = f"{name}({', '.join(params)})"
        gathered = f"({call} for {code_of(loop.target)} in {code_of(loop.iter)})"
        added = f"await {HELPER}({gathered}, limit={limit})"
        value = ""
        clauses = f"for {code_of(loop.target)} in {code_of(loop.iter)}"
        method = "extend" if edit.adds == "append" else "update"
        made: list[cst.BaseStatement] = []
        if edit.skips:
            # The items skipped gave None: the gather's results, then those kept.
            value = _item_name(cst.Name(edit.collect), {edit.collect, name})
            value = "pair" if edit.adds == "item" and value == "item" else value
            fetched = edit.names[1]
            made.append(_call_statement(fetched, call, clauses, f"limit={limit}", at.anchor[1]))
            added = f"{value} for {value} in {fetched} if {value} is not None"
        code = f"{edit.collect}.{method}({added})\n"  # wrapped with the file's long lines
        made.append(cst.parse_statement(code))
        made[0] = made[0].with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        new = made[-1]
        self.extends[id(new)] = (edit.collect, gathered, limit)
        self.adding[id(new)] = (edit.adds, value, edit.names[1] if edit.skips else "")
        self.made_with[id(new)] = {id(function), *(id(m) for m in made[:-1])}
        self.workers[id(function)] = (call, clauses, at.anchor[1])
        self._used(at, f"one item's calls per task, at most {limit} items at a time")
        return cst.FlattenSentinel([function, *made])

    def _fission(self, at: GatherAt, loop: cst.For) -> cst.FlattenSentinel[cst.BaseStatement]:
        """The fetches gathered before the loop; the loop walks items and results together."""
        edit = at.edit
        fetched = self._fetched(at)
        if edit.inline:
            fetched = [substitute(f, dict(edit.inline)) for f in fetched]
        limit = self._limit(at.spot)
        if len(fetched) == 1:
            fetch = fetched[0]
            result = edit.names[0]
        else:
            # Several calls per item: a tuple of them per item, a tuple of results back.
            fetch = cst.parse_expression(f"({', '.join(code_of(f) for f in fetched)})")
            result = ", ".join(edit.names)
        statements: list[cst.BaseStatement] = []
        if edit.flatten is not None and edit.filtered:
            # The items the loop keeps, listed first; its skips are dropped below.
            listed, making, element = edit.flatten
            statements.append(cst.parse_statement(making + "\n"))
            pair = cst.parse_expression(element).with_changes(lpar=[], rpar=[])
            loop = loop.with_changes(target=pair, iter=cst.Name(listed))
        elif edit.flatten is not None:
            # Nested loops: one loop over the pairs they visit, with the inner body.
            listed, making, element = edit.flatten
            inner = loop.body.body[0] if isinstance(loop.body, cst.IndentedBlock) else None
            if not isinstance(inner, cst.For):
                raise RuntimeError(f"gather at line {at.anchor[0]}: not nested loops")
            statements.append(cst.parse_statement(making + "\n"))
            pair = cst.parse_expression(element).with_changes(lpar=[], rpar=[])
            loop = inner.with_changes(
                target=pair, iter=cst.Name(listed), leading_lines=loop.leading_lines
            )
        clause_target = code_of(loop.target)
        target = clause_target
        if isinstance(loop.target, cst.Tuple) and not loop.target.lpar:
            target = f"({target})"
        items = code_of(loop.iter)
        # The rest of the loop may not need the item any more: then it walks the results.
        needs_item = bool(_names_in(loop.target) & _names_in(loop.body, *loop_else(loop)))
        # Results made for what the calls do go; so does a loop left with nothing to do.
        discard = not edit.results
        idle = isinstance(loop.body, cst.IndentedBlock) and not loop.body.body
        idle = idle and loop.orelse is None
        needs_item = needs_item or (discard and not idle)
        if edit.collect:
            gathered = f"({code_of(fetch)} for {target} in {items})"
            code = f"{edit.collect}.extend(await {HELPER}({gathered}, limit={limit}))\n"
            if len(code) > 80:
                code = (
                    f"{edit.collect}.extend(\n    await {HELPER}(\n"
                    f"        {gathered},\n        limit={limit},\n    )\n)\n"
                )
            new = _lead(self._with_client(at, cst.parse_statement(code)), loop.leading_lines)
            if isinstance(new, cst.SimpleStatementLine):
                self.extends[id(new)] = (edit.collect, gathered, limit)
            self._used(at, f"one call per item, at most {limit} at a time")
            return cst.FlattenSentinel([new])
        clauses = f"for {clause_target} in {items}"
        if not needs_item and edit.flatten is not None:
            # Nothing reads the pairs but the gather: it walks the nested loops itself.
            statements.clear()
            made = cst.parse_statement(edit.flatten[1] + "\n")
            assert isinstance(made, cst.SimpleStatementLine)
            listing = made.body[0]
            assert isinstance(listing, cst.Assign) and isinstance(listing.value, cst.ListComp)
            clauses = " ".join(code_of(listing.value.for_in).split())
        elif edit.materialise and needs_item:
            iterated = loop.iter
            if isinstance(iterated, cst.GeneratorExp):
                iterated = iterated.with_changes(lpar=[], rpar=[])  # list(x for x in xs)
            statements.append(
                cst.parse_statement(f"{edit.materialise} = list({code_of(iterated)})\n")
            )
            items = edit.materialise
            clauses = f"for {clause_target} in {items}"
        bound = f"limit={limit}"
        if at.caught is not None:
            if at.caught not in self.caught:
                raise RuntimeError(f"gather at line {at.anchor[0]}: its try was not found")
            bound += f", caught={self.caught.pop(at.caught)}"
        if edit.checked:
            bound += ", raise_for_status=True"
        statements.append(
            self._with_client(
                at,
                _call_statement(
                    edit.results,
                    code_of(fetch),
                    clauses,
                    bound,
                    indent=at.anchor[1],
                    helper=_helper(at),
                ),
            )
        )
        statements[0] = _lead(statements[0], loop.leading_lines)
        if len(fetched) == 1:
            self._used(at, f"one call per item, at most {limit} at a time")
        else:
            self._used(at, f"{len(fetched)} calls per item, at most {limit} at a time")
        if discard and idle:
            return cst.FlattenSentinel(statements)
        if discard:
            new_loop = loop.with_changes(iter=cst.parse_expression(items), leading_lines=[])
            return cst.FlattenSentinel([*statements, new_loop])
        body = loop.body
        if isinstance(body, cst.IndentedBlock) and not body.body:
            body = body.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        if needs_item:
            grouped = f"({result})" if len(fetched) > 1 else result
            walked = f"{target}, {grouped}", f"zip({items}, {edit.results})"
        else:
            walked = result, edit.results
        new_loop = loop.with_changes(
            target=cst.parse_expression(walked[0]),
            iter=cst.parse_expression(walked[1]),
            body=body,
            leading_lines=[],
        )
        return cst.FlattenSentinel([*statements, new_loop])

    def _comprehension(self, at: GatherAt, comp: cst.BaseExpression) -> cst.BaseExpression:
        edit = at.edit
        if not isinstance(comp, cst.ListComp | cst.SetComp | cst.DictComp | cst.GeneratorExp):
            raise RuntimeError(f"gather at line {at.anchor[0]}: not a comprehension")
        # One call per item, or a tuple of the calls each item makes.
        calls = [code_of(call) for call in self._fetched(at)]
        fetch = calls[0] if len(calls) == 1 else f"({', '.join(calls)})"
        value = edit.names[0] if len(edit.names) == 1 else f"({', '.join(edit.names)})"
        limit = self._limit(at.spot)
        kept_if = ""
        if edit.kept_by_result:
            # ``if exists(n)``, its call now the result's name: the gather tests
            # every item, the comprehension keeps those whose result passes.
            kept_if = f" if {code_of(comp.for_in.ifs[0].test)}"
            comp = comp.with_changes(for_in=comp.for_in.with_changes(ifs=[]))
        iterated = comp.for_in.iter
        hoisted = self.hoisted.setdefault(at.hoist, []) if at.hoist is not None else []
        if edit.flatten is not None and at.hoist is not None:
            # Several for/if clauses: the items they pick, listed once, then walked.
            listed, making, one = edit.flatten
            hoisted.append(cst.parse_statement(making + "\n"))
            one_item = cst.parse_expression(one).with_changes(lpar=[], rpar=[])
            assert isinstance(one_item, cst.Name | cst.Tuple)
            comp = comp.with_changes(for_in=cst.CompFor(target=one_item, iter=cst.Name(listed)))
        elif edit.materialise and at.hoist is not None:
            # Items that may not be read twice (a generator): a list, read once.
            listed = f"{edit.materialise} = list({code_of(iterated)})\n"
            hoisted.append(cst.parse_statement(listed))
            iterated = cst.Name(edit.materialise)
            comp = comp.with_changes(for_in=comp.for_in.with_changes(iter=iterated))
        clauses = code_of(comp.for_in).strip()
        gathered = f"await {HELPER}({_generated(fetch, clauses)}, limit={limit})"
        self._used(at, f"one call per item, at most {limit} at a time")
        if at.hoist is not None:
            # The gather goes before the statement; the comprehension reads its list.
            statement = _call_statement(
                edit.results, fetch, clauses, f"limit={limit}", indent=at.hoist[1]
            )
            hoisted.append(self._with_client(at, statement))
            gathered = edit.results
        elif id(at) in self.clients:
            # Gathered in place: the statement holding it goes inside the client.
            self.inline_clients.append((at.anchor, self.clients[id(at)]))
        if edit.pairing == "whole":
            return cst.parse_expression(
                f"set({gathered})" if isinstance(comp, cst.SetComp) else gathered
            )
        if edit.pairing == "zip":
            target = code_of(comp.for_in.target)
            if isinstance(comp.for_in.target, cst.Tuple) and not comp.for_in.target.lpar:
                target = f"({target})"
            source = f"{target}, {value} in zip({code_of(comp.for_in.iter)}, {gathered})"
        else:
            source = f"{value} in {gathered}"
        if isinstance(comp, cst.DictComp):
            pairs = (code_of(comp.key), code_of(comp.value))
            if edit.pairing == "zip" and pairs == (code_of(comp.for_in.target), value):
                # ``{i: result for i, result in zip(ids, results)}`` says no more than:
                return cst.parse_expression(f"dict(zip({code_of(comp.for_in.iter)}, {gathered}))")
            return cst.parse_expression(f"{{{pairs[0]}: {pairs[1]} for {source}}}")
        element = code_of(comp.elt)
        source += kept_if
        if isinstance(comp, cst.ListComp):
            return cst.parse_expression(f"[{element} for {source}]")
        if isinstance(comp, cst.SetComp):
            return cst.parse_expression(f"{{{element} for {source}}}")
        return cst.parse_expression(f"({element} for {source})").with_changes(lpar=[], rpar=[])

    def _anchored(self, original: cst.CSTNode, form: str) -> GatherAt | None:
        pos = self.ctx.pos(original)
        for at in self.gathers:
            if at.edit.form == form and at.anchor == pos:
                return at
        return None

    # -- comprehensions -----------------------------------------------------------------

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """A gathered property read (``self.info``, now ``await self.info()``), and
        the receiver of a gathered method call computed before the gather."""
        taken = self._take_fetch(original, updated)
        if taken is not None:
            return taken
        if isinstance(updated, cst.Attribute):
            value = self._computed_part(original.value, updated.value)
            if value is not updated.value:
                return updated.with_changes(value=value)
        return updated

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        """Gathered calls, consumers of gathered generators, and ``map`` fan-outs."""
        if isinstance(updated, cst.Call) and not isinstance(original.func, cst.Attribute):
            called = self._computed_part(original.func, updated.func)  # ``handlers[kind](x)``
            if called is not updated.func:
                updated = updated.with_changes(func=called)
        taken = self._take_fetch(original, updated)
        if taken is not None:
            return taken
        if (
            isinstance(updated, cst.Call)
            and isinstance(updated.func, cst.Name)
            and updated.func.value == "next"
            and updated.args
            and isinstance(updated.args[0].value, cst.Name)
            and updated.args[0].value.value in self.lazy_names[-1]
            and self.ctx.in_async
        ):
            return cst.Await(updated.with_changes(func=cst.Name("anext")))
        decided = self._anchored(original, "early-exit")
        if decided is not None and decided.hoist is not None and isinstance(updated, cst.Call):
            return self._decided_before(decided, updated)
        consumer = self._anchored(original, "comprehension")
        if consumer is not None and consumer.edit.consumer and isinstance(updated, cst.Call):
            arg, *keywords = updated.args  # ``max(gen, default=0)`` keeps its keywords
            items = _generator_of_map(arg.value)
            made = self._comprehension(consumer, items or arg.value)
            if items is not None and code_of(updated.func) == "list":
                # ``list(map(lambda ...))`` reads as the list comprehension it now is.
                if isinstance(made, cst.GeneratorExp):
                    return cst.ListComp(elt=made.elt, for_in=made.for_in)
                return made
            if keywords and isinstance(made, cst.GeneratorExp) and not made.lpar:
                made = made.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
            return updated.with_changes(args=[arg.with_changes(value=made), *keywords])
        unmapped = self._anchored(original, "unmapped")
        if unmapped is not None and isinstance(updated, cst.Call):
            items = _generator_of_map(updated)
            if items is None:
                raise RuntimeError(f"map at line {unmapped.anchor[0]}: not a map over a lambda")
            self.ctx.note(self.code, unmapped.anchor[0], "map(lambda) kept in order as a list")
            made = cst.ListComp(elt=items.elt, for_in=items.for_in)
            self.unmapped.add(id(made))
            return made
        if (
            isinstance(updated, cst.Call)
            and code_of(updated.func) == "list"
            and len(updated.args) == 1
            and id(updated.args[0].value) in self.unmapped
        ):
            return updated.args[0].value  # list([...]): the list is there already
        pooled = self._in_task_pool(updated) if isinstance(updated, cst.Call) else None
        if pooled is not None:
            return pooled
        loop_vars = {v for v in self.result_vars if v}
        done = self._result_of(updated, loop_vars)
        if done is not None:
            return cst.Name(done)  # for f in futures: f.result() -> f, a result already
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if spot is not None and not spot.safe and spot.kind == "map":
            return self._lazy_map(original, updated)
        if spot is None or not spot.safe or not isinstance(updated, cst.Call):
            return updated
        if spot.kind == "executor-submit":
            return updated
        if not self.ctx.in_async or len(updated.args) < 2:
            return updated
        func, *iterables = (code_of(a.value) for a in updated.args)
        iterated = ", ".join(iterables)  # ``map(f, repeat(base), users)``
        limit = self._limit(spot)
        if spot.kind == "executor-map" and spot.pool is None:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "the calls run on the event loop now, not in the thread pool",
            )
        self._used(spot, f"map over {iterated}: at most {limit} at a time")
        mapped = f"map({func}, {iterated}), limit={limit}"
        if spot.lazy and id(original) in self.loop_iters:
            # ``for user in pool.map(f, xs)``: each failure raised in its turn, after
            # the body ran for the results before it (the loop takes ``.result()``).
            self.ctx.use_helper(OUTCOMES_HELPER)
            self.outcome_iters.add(id(original))
            return cst.parse_expression(f"await {OUTCOMES_HELPER}({mapped})")
        if spot.lazy:
            # Taken one at a time, as the map's iterator was: each failure when taken.
            self.ctx.use_helper(OUTCOMES_HELPER)
            each = f"outcome.result() for outcome in await {OUTCOMES_HELPER}({mapped})"
            return cst.parse_expression(f"({each})")
        made = cst.parse_expression(f"await {HELPER}({mapped})")
        self.unmapped.add(id(made))  # a new list: ``list(...)`` around it goes
        return made

    @on_visit(cst.Call)
    def visit_next(self, node: cst.Call) -> None:
        taken = taken_by_next(node)
        if isinstance(taken, cst.Call):
            self.taken_first.add(id(taken))

    def _lazy_map(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        """``map(f, xs)`` kept sequential, f now async: ``(await f(x) for x in xs)``, an
        async generator that calls f when each result is taken, as the map did."""
        if not self.ctx.in_async or not isinstance(updated, cst.Call) or len(updated.args) != 2:
            return updated
        func, items = (a.value for a in updated.args)
        if isinstance(func, cst.Lambda):
            return updated  # a lambda cannot await: bridged
        if id(original) in self.loop_iters:
            self.async_iters.add(id(original))
        elif id(original) not in self.taken_first:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "take these results one at a time with async for or anext()",
                "the legacy map called the function only for the results taken; a gather"
                " would call it for every item",
            )
        target = _item_name(items, _names_in(updated))
        called = f"{code_of(func)}({target})"
        if (
            isinstance(func, cst.Call)
            and code_of(func.func) in ("partial", "functools.partial")
            and func.args
            and not any(a.keyword or a.star for a in func.args)
        ):
            # ``partial(f, a)`` per item: ``f(a, item)``.
            given = [code_of(a.value) for a in func.args]
            called = f"{given[0]}({', '.join([*given[1:], target])})"
            self.ctx.maybe_remove_import("functools", "partial")
            self.ctx.maybe_remove_import("functools")
        elif not isinstance(func, cst.Name | cst.Attribute | cst.Call):
            called = f"({code_of(func)})({target})"
        return cst.parse_expression(f"(await {called} for {target} in {code_of(items)})")

    @on_leave(cst.ListComp, cst.SetComp, cst.DictComp)
    def leave_Comprehension(
        self, original: cst.ListComp | cst.SetComp | cst.DictComp, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """Comprehensions the plan gathers, and ``[pool.submit(f, x) for x in xs]``."""
        self.leave_results_scope(original, updated)
        at = self._anchored(original, "comprehension")
        if at is not None and not at.edit.consumer:
            return self._comprehension(at, updated)
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if (
            spot is None
            and isinstance(updated, cst.ListComp)
            and isinstance(updated.for_in.iter, cst.Name)
            and updated.for_in.iter.value in self.submitted_in[-1]
            and isinstance(updated.for_in.target, cst.Name)
            and isinstance(updated.elt, cst.Name)
            and updated.elt.value == updated.for_in.target.value
            and not updated.for_in.ifs
        ):
            # [f.result() for f in futures] -> list(futures): the results are there.
            return cst.parse_expression(f"list({updated.for_in.iter.value})")
        if spot is None or not spot.safe or not self.ctx.in_async:
            return updated
        if not isinstance(updated, cst.ListComp | cst.SetComp):
            return updated
        element = code_of(_strip_await(updated.elt))
        if spot.kind == "executor-submit":
            submitted = self._submitted_call(updated.elt)
            if submitted is None:
                return updated
            element = submitted
            if spot.pool is None:
                self.ctx.todo(
                    self.ctx.line(original),
                    self.code,
                    "the calls run on the event loop now, not in the thread pool",
                )
        loops = code_of(updated.for_in).strip()
        limit = self._limit(spot)
        code = f"await {HELPER}(({element} {loops}), limit={limit})"
        if isinstance(updated, cst.SetComp):
            code = f"set({code})"
        self._used(spot, f"one call per item, at most {limit} at a time")
        return cst.parse_expression(code)

    @staticmethod
    def _submitted_call(element: cst.BaseExpression) -> str | None:
        """``pool.submit(f, a, b)`` -> ``"f(a, b)"``."""
        if not isinstance(element, cst.Call) or not element.args:
            return None
        func, *args = element.args
        if func.keyword is not None or func.star:
            return None
        call = cst.Call(
            func=func.value,
            args=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in args],
        )
        return code_of(call)

    # ``futures = [pool.submit(...) ...]`` now holds results: ``f.result()`` goes.

    # Their names are the plan's (``futures`` -> ``users``): the sets below hold
    # both the names as written and as renamed, which is what leave hooks see.

    def _renamed(self, name: cst.Name) -> str:
        return self.ctx.edits.result_names.get(self.ctx.pos(name) or (0, 0, 0, 0), name.value)

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        renamed = self._renamed(original)
        return updated if renamed == original.value else updated.with_changes(value=renamed)

    @on_visit(cst.FunctionDef)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.submitted_in.append(set())
        self.lazy_names.append(set())

    @on_leave(cst.FunctionDef)
    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.submitted_in.pop()
        self.lazy_names.pop()
        return updated

    @on_visit(cst.Assign)
    def visit_Assign(self, node: cst.Assign) -> None:
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(node.value) or (0, 0, 0, 0))
        if spot is not None and not spot.safe and spot.kind == "map":
            # ``it = map(f, xs)`` taken by ``next(it)`` only: an async generator, anext().
            names = [t.target for t in node.targets if isinstance(t.target, cst.Name)]
            if len(names) == 1:
                self.taken_first.add(id(node.value))
                self.lazy_names[-1].add(names[0].value)
        if spot is not None and spot.safe and spot.kind == "executor-submit":
            names = [t.target for t in node.targets if isinstance(t.target, cst.Name)]
            for name in names:
                self.submitted_in[-1].update({name.value, self._renamed(name)})

    @on_visit(cst.If, cst.While, cst.For)
    def visit_compound(self, node: cst.If | cst.While | cst.For) -> None:
        if isinstance(node, cst.For) and node.asynchronous is None:
            self.loop_iters.add(id(node.iter))
            spot = self.ctx.edits.spot_positions.get(self.ctx.pos(node) or (0, 0, 0, 0))
            if spot is not None and spot.safe and spot.kind == "executor-submit":
                # ``for x in xs: futures.append(pool.submit(f, x))``: results from now on.
                for name in _appended_to(node):
                    self.submitted_in[-1].update({name.value, self._renamed(name)})
        if isinstance(node, cst.For) and isinstance(node.target, cst.Name):
            if isinstance(node.iter, cst.Name) and node.iter.value in self.submitted_in[-1]:
                self.result_vars.append(self._renamed(node.target))
                return
        self.result_vars.append("")

    @on_visit(cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
    def visit_results_scope(
        self, node: cst.ListComp | cst.SetComp | cst.DictComp | cst.GeneratorExp
    ) -> None:
        """``[f.result()["id"] for f in futures]``: ``f`` is a result already."""
        target, source = node.for_in.target, node.for_in.iter
        if isinstance(target, cst.Name) and isinstance(source, cst.Name):
            if source.value in self.submitted_in[-1]:
                self.result_vars.append(self._renamed(target))
                return
        self.result_vars.append("")

    @on_leave(cst.GeneratorExp)
    def leave_results_scope(
        self, original: cst.CSTNode, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        if self.result_vars:
            self.result_vars.pop()
        if not isinstance(original, cst.GeneratorExp) or not original.lpar:
            return updated
        # ``items = (f(x) for x in xs)``, made a list (see lazy_locals): gathered. Its
        # brackets are part of it for ast, not for libcst.
        line, column, end_line, end_column = self.ctx.pos(original) or (0, 0, 0, 0)
        anchor = (line, column - len(original.lpar), end_line, end_column + len(original.rpar))
        for at in self.gathers:
            if at.edit.form == "comprehension" and at.anchor == anchor and not at.edit.consumer:
                made = self._comprehension(at, updated)
                if isinstance(made, cst.GeneratorExp):  # its brackets, as written
                    made = made.with_changes(lpar=original.lpar, rpar=original.rpar)
                return made
        return updated

    # -- a thread pool whose calls are taken as they complete: a pool of tasks --------

    def _task_pool(self, node: cst.With) -> Spot | None:
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(node) or (0, 0, 0, 0))
        if spot is None or not spot.safe or spot.kind != "executor-completed":
            return None
        return spot if self.ctx.in_async else None

    @on_visit(cst.With)
    def visit_With(self, node: cst.With) -> None:
        if self._task_pool(node) is not None:
            target = node.items[0].asname
            if target is not None and isinstance(target.name, cst.Name):
                self.task_pools.append(target.name.value)

    def _in_task_pool(self, call: cst.Call) -> cst.BaseExpression | None:
        """``pool.submit(f, x)`` -> ``pool.submit(f(x))``; ``as_completed(fs)`` ->
        ``pool.as_completed(fs)``, inside a pool that became a :class:`TaskPool`."""
        if not self.task_pools:
            return None
        pool = self.task_pools[-1]
        func = call.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "submit"
            and isinstance(func.value, cst.Name)
            and func.value.value in self.task_pools
        ):
            submitted = self._submitted_call(call)
            if submitted is None:
                return None
            return call.with_changes(args=[cst.Arg(cst.parse_expression(submitted))])
        if code_of(func).rsplit(".", 1)[-1] == "as_completed" and len(call.args) == 1:
            made = cst.parse_expression(f"{pool}.as_completed({code_of(call.args[0].value)})")
            self.completing.add(id(made))
            return made
        return None

    def _into_task_pool(self, spot: Spot, updated: cst.With) -> cst.With:
        item = updated.items[0]
        limit = self._limit(spot)
        made = cst.parse_expression(f"{self.ctx.use_helper('TaskPool')}(limit={limit})")
        self.task_pools.pop()
        self.ctx.maybe_remove_import("concurrent.futures", "ThreadPoolExecutor")
        self.ctx.maybe_remove_import("concurrent.futures", "as_completed")
        self.ctx.maybe_remove_import("concurrent.futures")  # ``concurrent.futures.as_completed``
        self.ctx.note(
            self.code, spot.span.line, f"tasks instead of threads, at most {limit} at a time"
        )
        return updated.with_changes(
            items=[item.with_changes(item=made)], asynchronous=cst.Asynchronous()
        )

    @on_leave(cst.With)
    def leave_With(self, original: cst.With, updated: cst.With) -> StatementResult:
        """A thread pool whose fan-outs became gathers: its block stays, the pool goes."""
        spot = self._task_pool(original)
        if spot is not None:
            return self._into_task_pool(spot, updated)
        pos = self.ctx.pos(original)
        if pos is None or pos[:2] not in self.ctx.edits.idle_pools:
            return updated
        if not isinstance(updated.body, cst.IndentedBlock):
            return updated
        body = list(updated.body.body)
        if not body:
            return cst.RemovalSentinel.REMOVE
        body[0] = _lead(body[0], [*updated.leading_lines, *body[0].leading_lines])  # type: ignore[attr-defined]
        self.ctx.maybe_remove_import("concurrent.futures", "ThreadPoolExecutor")
        self.ctx.note(self.code, pos[0], "the thread pool goes: its calls run on the event loop")
        return cst.FlattenSentinel(body)

    @on_leave(cst.If, cst.While, cst.For)
    def leave_compound(
        self, original: cst.If | cst.While | cst.For, updated: cst.BaseStatement
    ) -> StatementResult:
        if self.result_vars:
            self.result_vars.pop()
        pos = self.ctx.pos(original) if isinstance(original, cst.If) else None
        hoisted = self.hoisted.pop(pos[:2], []) if pos is not None else []
        if hoisted and isinstance(updated, cst.If):
            # ``if any(...)``: the loop deciding it goes first.
            first = _lead(hoisted[0], updated.leading_lines)
            return cst.FlattenSentinel(
                [first, *hoisted[1:], updated.with_changes(leading_lines=[])]
            )
        if (
            isinstance(original, cst.For)
            and isinstance(updated, cst.For)
            and id(original.iter) in self.async_iters
        ):
            # ``for u in map(f, xs)`` kept sequential: an async generator, taken in turn.
            return updated.with_changes(asynchronous=cst.Asynchronous())
        if (
            isinstance(original, cst.For)
            and isinstance(updated, cst.For)
            and id(original.iter) in self.outcome_iters
            and isinstance(updated.body, cst.IndentedBlock)
        ):
            return _taking_outcomes(updated)
        if isinstance(original, cst.For) and isinstance(updated, cst.For):
            return self._submitted_loop(original, updated)
        return updated

    def _submitted_loop(self, original: cst.For, updated: cst.For) -> cst.BaseStatement:
        """``for x in xs: futures.append(pool.submit(f, x))`` -> ``futures.extend(await
        gather_in_order((f(x) for x in xs), limit=n))``; ``futures = []`` before it
        then makes ``futures = await gather_in_order(...)``."""
        spot = self.ctx.edits.spot_positions.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if spot is None or not spot.safe or spot.kind != "executor-submit":
            return updated
        body = updated.body.body if isinstance(updated.body, cst.IndentedBlock) else ()
        line = body[0] if len(body) == 1 else None
        append = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
        call = append.value if isinstance(append, cst.Expr) else None
        if not (
            self.ctx.in_async
            and isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "append"
            and len(call.args) == 1
        ):
            raise RuntimeError(f"thread pool loop at line {spot.span.line}: not an append")
        submitted = self._submitted_call(call.args[0].value)
        if submitted is None:
            raise RuntimeError(f"thread pool loop at line {spot.span.line}: not a submit")
        listed = code_of(call.func.value)
        limit = self._limit(spot)
        gathered = f"({submitted} for {code_of(updated.target)} in {code_of(updated.iter)})"
        code = f"{listed}.extend(await {HELPER}({gathered}, limit={limit}))\n"
        new = _lead(cst.parse_statement(code), updated.leading_lines)
        if isinstance(new, cst.SimpleStatementLine):
            self.extends[id(new)] = (listed, gathered, limit)
        self._used(spot, f"one call per item, at most {limit} at a time")
        if spot.pool is None:
            self.ctx.todo(
                self.ctx.line(original),
                self.code,
                "the calls run on the event loop now, not in the thread pool",
            )
        return new

    def _result_of(self, expr: cst.BaseExpression, names: set[str]) -> str | None:
        """``x.result()`` with ``x`` in ``names`` -> "x"."""
        if (
            isinstance(expr, cst.Call)
            and not expr.args
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "result"
            and isinstance(expr.func.value, cst.Name)
            and expr.func.value.value in names
        ):
            return expr.func.value.value
        return None

    def _limit(self, spot: Spot) -> int | str:
        """At most --max-concurrency calls at once, and no more than the thread pool the
        fan-out ran in (its ``max_workers``) ever ran: ``min(n, 10)`` for a pool of
        ``max_workers=n``, read where the gather runs."""
        limit = self.ctx.options.max_concurrency
        if spot.pool_size:
            return f"min({spot.pool_size}, {limit})"
        return limit if spot.workers is None else min(limit, spot.workers)

    def _used(self, spot: Spot | GatherAt, message: str) -> None:
        self.ctx.use_helper(_helper(spot) if isinstance(spot, GatherAt) else HELPER)
        line = spot.anchor[0] if isinstance(spot, GatherAt) else spot.span.line
        self.ctx.note(self.code, line, message)


def _inside(client: cst.WithItem, stmt: cst.BaseStatement) -> cst.With:
    """``async with <client>:`` around ``stmt``."""
    return cst.With(items=[client], body=cst.IndentedBlock([stmt]), asynchronous=cst.Asynchronous())
