"""Comprehensions and generator expressions whose element fetches."""

from __future__ import annotations

import ast
from typing import cast

from .. import dataflow
from ..shapes import CONSUMERS, SYNC_TAKERS
from .early_exit import EarlyExitScan
from .effects import seen_after_failure
from .model import LINE_LENGTH, Finding, GatherEdit, Pairing, Refusal, pooled_limit, span_of
from .syntax import literal_size, reiterable, strip_await, within

EARLY_EXIT_CONSUMERS = frozenset({"any", "all", "next"})


class ComprehensionScan(EarlyExitScan):
    def _comprehension(
        self, comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
    ) -> None:
        element: list[ast.expr] = (
            [comp.key, comp.value] if isinstance(comp, ast.DictComp) else [comp.elt]
        )
        fetches = [c for e in element for c in self._awaited_in(e) if self._direct(c, comp)]
        # The first ``for``'s items are fetched once, before the first item
        # (``[i["title"] for i in get(url)]``): only later clauses run per item.
        per_item = [*comp.generators[0].ifs]
        per_item += [part for gen in comp.generators[1:] for part in (gen.iter, *gen.ifs)]
        in_clauses = [c for part in per_item for c in self._awaited_in(part)]
        if not fetches and not in_clauses:
            return
        try:
            finding = self._comprehension_fan_out(comp, element, fetches, in_clauses)
        except Refusal as why:
            edit = why.edit
            if edit is None and getattr(comp, "_migrate_map", False):
                # Its calls are awaited now, which a lambda cannot do: a list comprehension.
                edit = GatherEdit(form="unmapped", anchor=span_of(comp), fetches=(), names=())
            self._refuse("comprehension", comp, fetches or in_clauses, str(why), edit)
            return
        self._owned.update(finding.edit.fetches if finding.edit else ())
        self.findings.append(finding)

    def _fetching_filter(
        self,
        comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
        fetches: list[ast.Call],
        in_clauses: list[ast.Call],
    ) -> ast.expr | None:
        """``[n for n in names if exists(n)]``: the one ``if`` of a list or set
        comprehension whose element fetches nothing, when the test fetches. Every
        item's test can be gathered; the comprehension then keeps the items whose
        result passes."""
        if fetches or not in_clauses or not isinstance(comp, ast.ListComp | ast.SetComp):
            return None
        (generator, *more) = comp.generators
        if more or len(generator.ifs) != 1 or generator.is_async:
            return None
        if span_of(generator.iter) in self.async_iterated:
            return None
        test = generator.ifs[0]
        return test if all(within(c, test) for c in in_clauses) else None

    def _direct(self, call: ast.AST, comp: ast.AST) -> bool:
        """The call belongs to ``comp`` itself, not to a comprehension nested in it: a
        nested one's first iterable is evaluated where it is written, once per item of
        ``comp`` (``[o.total for o in user.orders()]`` in ``comp``'s element)."""
        child, current = call, self._parents.get(id(call))
        while current is not None and current is not comp:
            if isinstance(current, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                first = current.generators[0]
                if child is not first or not within(call, first.iter):
                    return False
            child, current = current, self._parents.get(id(current))
        return current is comp

    def _comprehension_fan_out(
        self,
        comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
        element: list[ast.expr],
        fetches: list[ast.Call],
        in_clauses: list[ast.Call],
    ) -> Finding:
        test = self._fetching_filter(comp, fetches, in_clauses)
        if in_clauses and test is None:
            raise Refusal("the items or the filter themselves are fetched per item")
        consumer = None
        if isinstance(comp, ast.GeneratorExp):
            parent = self._parents.get(id(comp))
            name = None
            outer = self._parents.get(id(parent))
            if (
                isinstance(parent, ast.Call)
                and dataflow.path_of(parent.func) == "iter"
                and parent.args == [comp]
                and isinstance(outer, ast.Call)
                and dataflow.path_of(outer.func) == "next"
                and outer.args == [parent]
            ):
                parent = outer  # ``next(iter(gen))`` takes one item as ``next(gen)`` does
            # ``max(gen, default=0)``: a keyword that changes nothing of how it takes items.
            given = getattr(parent, "keywords", ())
            plain = all(k.arg in ("default", "reverse", "start") for k in given)
            if isinstance(parent, ast.Call) and parent.args == [comp] and plain:
                func = parent.func
                if isinstance(func, ast.Name):
                    name = func.id
                elif isinstance(func, ast.Attribute) and func.attr == "join":
                    name = "join"
                elif isinstance(func, ast.Attribute) and func.attr in ("extend", "update"):
                    # ``out.extend(gen)`` added the items before a failing one; a
                    # generator that awaits could not be handed to it anyway (it
                    # became a list, made whole first), and the gather keeps that.
                    name = "join"
            elif (
                isinstance(parent, ast.Call)
                and isinstance(parent.func, ast.Name)
                and parent.func.id == "next"
                and parent.args[:1] == [comp]
                and len(parent.args) == 2
            ):
                name = "next"  # ``next(gen, default)``
            if name in EARLY_EXIT_CONSUMERS:
                # ``next(gen)`` with no default becomes ``await anext(gen)``: as lazy.
                raise Refusal(
                    f"early exit: {name}() stops at the first item that decides it: the"
                    " legacy code fetched fewer items",
                    self._lazy(comp, parent, name),
                )
            # Handed to a function (``consume(gen)``), or held in a local a loop or
            # next() does not take lazily, it becomes a list made whole first (see
            # the rewrite's transformer): its fetches may run together.
            # (One already awaiting is an async generator: ``anext(...)`` takes one item.)
            held = self._held_eagerly(comp, parent)
            handed = held or (name is not None and name not in SYNC_TAKERS | {"iter", "anext"})
            handed = handed and not any(isinstance(n, ast.Await) for n in ast.walk(comp))
            if name not in CONSUMERS and name != "join" and not handed:
                raise Refusal("a generator consumed lazily, one item at a time")
            consumer = None if held else parent
        every: list[ast.Call] = []
        for part in element if test is None else [test]:
            found, maybe = self._fetches_of(part)
            every.extend(found)
            if test is not None and maybe:
                raise Refusal("the filter fetches only for some items (after and/or)")
        if not every:
            raise Refusal("the fetch runs only for some items (a conditional expression)")
        # Every call each element makes is gathered, as a tuple per item: one left
        # awaited per item would be gathered by the next run, which must change nothing.
        fetch = every[0]
        info = self._info(fetch)
        if any(self._info(f).kind == "sleep" for f in every):
            raise Refusal("the items are paced with sleep")
        # A thread pool's map sent them together already: whatever order writes had.
        threaded = getattr(comp, "_migrate_threads", False)
        refusal = self._write_refusal([fetch], threaded)
        if refusal:
            raise Refusal(refusal)
        others = [c for c in fetches if c is not fetch]
        if others:
            refusal = self._write_refusal(others, threaded)
            if refusal:
                raise Refusal(f"the element also calls {self._info(others[0]).short}, {refusal}")
        bound = {t for gen in comp.generators for t in dataflow._targets(gen.target)}
        for each in every:
            nested = self._nested_fetch(each)
            if nested is not None:
                short = self._info(each).short
                raise Refusal(f"{short} needs the result of {self._info(nested).short}")
            receiver = self._receiver_refusal(each, sorted(bound))
            if receiver:
                raise Refusal(receiver)
        if any(isinstance(n, ast.NamedExpr) for n in ast.walk(comp)):
            raise Refusal("the comprehension assigns with :=")
        # The gather makes every item's calls before the rest of any element is built.
        rest = [*element, *(c for gen in comp.generators for c in gen.ifs)]
        changed = self._writes(rest, outside=every)
        for read, written in dataflow.conflicts(
            [r for f in every for r in dataflow.reads(f)], changed
        ):
            if written.split(".")[0] in bound:
                continue  # the item itself, bound again for the next one
            raise Refusal(
                f"{info.short} reads {read}, which {self._source(changed[written])} changes"
                " for each item: run together, every call would read it before any change;"
                " computing it from the item alone would make it safe"
            )
        statement = self._statement_of(comp)
        if statement is not None:
            # A failing fetch raised once the items before it were built, effects and all.
            seen = seen_after_failure(self.node, statement, rest, every, set(), False)
            if seen:
                raise Refusal(
                    f"building each item has effects the legacy code had for the items"
                    f" before a failing {info.short} ({seen}); as a for loop, the fetches"
                    " could run together and the effects stay in order"
                )
        # How the element is rebuilt from each result: it is the call (or a tuple of
        # the calls, in order), or reads them.
        whole = not isinstance(comp, ast.DictComp) and any(
            _made_of(strip_await(e), every) for e in element
        )
        uses_targets = any(
            isinstance(n, ast.Name) and n.id in bound and not any(within(n, f) for f in every)
            for e in element
            for n in ast.walk(e)
        )
        pairing: Pairing = "whole" if whole else "values"
        statement = self._hoisting_point(comp, fetch) if not whole else None
        if test is not None and statement is None:
            raise Refusal("the filter fetches, with nothing before it to gather its tests in")
        # Filtered by what each item's test gives: every item is tested, then kept or not.
        uses_targets = uses_targets or test is not None
        materialise = ""
        flatten: tuple[str, str, str] | None = None
        async_items = any(
            g.is_async or span_of(g.iter) in self.async_iterated for g in comp.generators
        )
        if not whole and uses_targets and async_items:
            raise Refusal(
                "the element uses the item as well as the result, and the items come from"
                " an async generator, as they come"
            )
        if not whole and uses_targets:
            several = len(comp.generators) != 1 or (comp.generators[0].ifs and test is None)
            if several and (any(g.is_async for g in comp.generators) or statement is None):
                raise Refusal(
                    "the element uses the item as well as the result, over several for/if clauses"
                )
            iterated_node = comp.generators[0].iter
            if several:
                flatten = self._listed(comp, element, statement)
            elif not reiterable(iterated_node, self.node, self.module):
                if statement is None:
                    raise Refusal(
                        f"the element uses the item as well as the result, and"
                        f" {ast.unparse(iterated_node)} may not be iterable twice (a list"
                        " would be), with nothing before it to make that list in"
                    )
                # Read once into a list before the gather, as a loop over it would be.
                materialise = self._listed_name(iterated_node, comp)
            pairing = "zip"
        values = self._element_names(every, comp)
        edit = GatherEdit(
            form="comprehension",
            anchor=span_of(consumer if consumer is not None else comp),
            fetches=tuple(span_of(f) for f in every),
            names=values,
            pairing=pairing,
            consumer=consumer is not None,
            hoist=span_of(statement) if statement is not None else None,
            results=self._results_name(values) if statement is not None else "",
            materialise=materialise,
            flatten=flatten,
            kept_by_result=test is not None,
        )
        iterated = ast.unparse(comp.generators[0].iter)
        workers: int | None = getattr(comp, "_migrate_workers", None)
        size: str = getattr(comp, "_migrate_pool_size", "")
        limit = self.limit_text
        if workers is not None or size:
            limit = pooled_limit(workers or size, self.limit_text)
        called = " and one ".join(dict.fromkeys(self._info(f).short for f in every))
        reason = (
            f"one {called} per item of {iterated}: run together, at most"
            f" {limit} at a time, results in order"
        )
        return Finding(
            "comprehension",
            span_of(comp),
            tuple(dict.fromkeys(self._info(f).callee for f in every)),
            True,
            reason,
            bounded=True,
            edit=edit,
            items=literal_size(comp.generators[0].iter, self.node, self.module),
            workers=workers,
            pool_size=size,
        )

    def _element_names(self, fetches: list[ast.Call], comp: ast.AST) -> tuple[str, ...]:
        """A name for each call's result inside ``comp``, told apart from each other
        and from the names ``comp`` uses."""
        if len(fetches) == 1:
            return (self._scoped_name(fetches[0], comp),)
        used = {n.id for n in ast.walk(comp) if isinstance(n, ast.Name)}
        names = self._result_names(fetches)
        return tuple(name if name not in used else f"{name}_result" for name in names)

    def _results_name(self, values: tuple[str, ...]) -> str:
        """The list the gather's results go in (a tuple per item for several calls)."""
        return self._plural(values[0]) if len(values) == 1 else self._fresh("results")

    def _listed(
        self,
        comp: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
        element: list[ast.expr],
        statement: ast.stmt | None,
    ) -> tuple[str, str, str]:
        """Items picked by several for/if clauses, listed once before the gather: the
        list's name, the statement making it, and one item (the names the element uses)."""
        names = list(dict.fromkeys(t for g in comp.generators for t in dataflow._targets(g.target)))
        used = {n.id for e in element for n in ast.walk(e) if isinstance(n, ast.Name)}
        kept = [n for n in names if n in used] or names[-1:]
        one = kept[0] if len(kept) == 1 else f"({', '.join(kept)})"
        if len(kept) == 1 and len(kept[0]) > 2:
            listed = self._plural(kept[0])
            if listed[-1].isdigit():  # ``skus`` is the iterable itself: these are picked from it
                self._taken.discard(listed)
                listed = self._fresh(f"selected_{listed.rsplit('_', 1)[0]}")
        else:
            two = len(kept) == 2 and "pairs" not in self._taken
            listed = self._fresh("pairs" if two else "items")
        clauses = [
            f"for {self._source(g.target)} in {self._source(g.iter)}"
            + "".join(f" if {self._source(i)}" for i in g.ifs)
            for g in comp.generators
        ]
        making = f"{listed} = [{one} {' '.join(clauses)}]"
        indent = statement.col_offset if statement is not None else 0
        if indent + len(making) > LINE_LENGTH:
            making = f"{listed} = [\n    {one}\n" + "".join(f"    {c}\n" for c in clauses) + "]"
        return listed, making, one

    def _hoisting_point(self, comp: ast.expr, fetch: ast.Call) -> ast.stmt | None:
        """The statement the gather can go before, so the comprehension reads a list.

        ``return [u["name"] for u in await gather_in_order(...)]`` reads better as
        ``users = await gather_in_order(...)`` then ``return [u["name"] for u in users]``.
        That holds when the comprehension runs whenever its statement does and
        nothing in the statement that would have run before it has effects.
        """
        statement: ast.AST | None = self._parents.get(id(comp))
        while statement is not None and not isinstance(statement, ast.stmt):
            statement = self._parents.get(id(statement))
        if not isinstance(statement, ast.Return | ast.Assign | ast.AnnAssign | ast.Expr):
            return None
        if not self._whole_line(statement) or comp not in set(self._unconditional(statement)):
            return None
        inside = {id(n) for n in ast.walk(comp)}
        for sub in dataflow.walk_local(statement):
            if id(sub) in inside or not isinstance(sub, ast.Call | ast.Await):
                continue
            func = sub.func if isinstance(sub, ast.Call) else None
            consumer = dataflow.path_of(func) in CONSUMERS if func is not None else False
            consumer |= isinstance(func, ast.Attribute) and func.attr == "join"
            if not consumer and not dataflow.is_pure(sub):
                return None
        return statement

    def _held_eagerly(self, comp: ast.GeneratorExp, parent: ast.AST | None) -> bool:
        """``items = (f(x) for x in xs)`` read once, other than by a loop or next()
        (``sum(i.size for i in items)``): the rewrite makes it a list (see lazy_locals)."""
        if not (
            isinstance(parent, ast.Assign)
            and parent.value is comp
            and [type(t) for t in parent.targets] == [ast.Name]
        ):
            return False
        name = cast(ast.Name, parent.targets[0]).id
        uses = [n for n in ast.walk(self.node) if isinstance(n, ast.Name) and n.id == name]
        if len(uses) != 2:
            return False
        read = next(n for n in uses if n is not parent.targets[0])
        holder = self._parents.get(id(read))
        if isinstance(holder, ast.comprehension):
            return holder.iter is read  # ``sum(i.size for i in items)``
        # Handed to a function (not next(), which takes one item): read whole there.
        return (
            isinstance(holder, ast.Call)
            and read in holder.args
            and dataflow.path_of(holder.func) not in ("next", "iter")
        )


def _made_of(expr: ast.AST, fetches: list[ast.Call]) -> bool:
    """``expr`` is the one call, or a tuple of the calls in order: the gather's results
    are the elements as they are."""
    if len(fetches) == 1:
        return expr is fetches[0]
    return (
        isinstance(expr, ast.Tuple)
        and len(expr.elts) == len(fetches)
        and all(strip_await(e) is f for e, f in zip(expr.elts, fetches, strict=True))
    )
