"""A loop whose items are independent runs its body per item, the items together.

Loop fission gathers one call per item and runs the rest of the body in
order; it cannot when the call needs what the body computes first
(``owner, _, name = full.partition("/")``) or when the body makes a second
call that needs the first one's result. When every item only builds one
value for a list, the whole body can run per item instead:

    async def fetch_card(full):
        <the body, with ``cards.append(v)`` (and a ``continue`` after it) -> ``return v``>

    cards.extend(await gather_in_order((fetch_card(full) for full in xs), limit=N))

Each item's calls stay in order; the items run together, at most N at a
time; the list gets the values in the items' order; the first failure (in
the items' order) is raised, as the loop raised it, and the items after it
are cancelled. That is the legacy behaviour when the items cannot see each
other, which the checks below establish:

* every path through the body ends by appending exactly one value to the
  same list, or by skipping its item (``continue``) when no value appended
  can be None: a skipped item returns None, left out of the list;
* the body's names are its own: each is set before it is read in the same
  item, and nothing after the loop reads them;
* the body changes nothing but its own names, the objects it fetched or
  made (through their container methods), and its item; it calls nothing
  that may change what another item
  sees (logging aside: the lines of different items may interleave; the
  module's own functions that only compute a value are followed, see
  :mod:`.quiet`);
* the list is the function's own, so a failure leaves nothing half-filled
  that anyone can see;

An item's own calls stay in order, however independent: the items are what
``--max-concurrency`` bounds. A later run leaves such a function alone
(:func:`item_worker`), as it leaves a gather it wrote.
"""

from __future__ import annotations

import ast

from .. import dataflow
from .effects import LOGGING_METHODS, fresh_locals, stored_targets, target_base
from .item_paths import (
    MADE,
    added_value,
    item_paths,
    never_none,
    set_before_read,
    statement_blocks,
)
from .items import ItemCalls
from .model import GATHER_HELPERS, Adds, Finding, GatherEdit, Refusal, span_of
from .quiet import QuietCalls, judged
from .syntax import literal_size, names_only, same_loop, strip_await


class BodyScan(ItemCalls):
    def _per_item(self, loop: ast.For, fetches: list[ast.Call]) -> Finding:
        """The loop's body as a nested async function per item, or why not."""
        if loop.orelse:
            raise Refusal("the loop has an else clause")
        if not names_only(loop.target):
            raise Refusal("the loop target is not a plain name")
        self._ends_only_by_adding_or_failing(loop)
        for call in fetches:
            info = self._info(call)
            if info.kind == "sleep":
                raise Refusal("the loop paces its requests with sleep")
            if info.kind == "bridge":
                raise Refusal(
                    f"{info.short} runs in a worker thread (a sync call bridged per item)"
                )
        refusal = self._write_refusal(fetches)
        if refusal:
            raise Refusal(refusal)
        params = list(dict.fromkeys(dataflow._targets(loop.target)))
        # The names the body binds (``out[k] = v`` binds none: it changes ``out``).
        local = set(params) | {
            n
            for stmt in loop.body
            for sub in dataflow.walk_local(stmt)
            if not isinstance(sub, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.Delete)
            for n in dataflow.assigned_names(sub)
            if "." not in n
        }
        local |= {
            sub.id
            for stmt in loop.body
            for sub in dataflow.walk_local(stmt)
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)
        }
        local -= dataflow.declared_outside(self.node)  # ``global TOKEN``: not its own
        for call in fetches:
            changes = self._receiver_refusal(call, sorted(local))
            if changes:
                raise Refusal(changes)
        out, adds = self._filled(loop, local)
        skips: list[ast.Continue] = []
        if item_paths(loop.body, out, skips) != "ends":
            raise Refusal(
                f"some items end without adding to {out}: running each item as a function,"
                " those would need a value that says so"
            )
        if skips:
            values = [
                (added[2], before)
                for block in statement_blocks(loop.body)
                for index, s in enumerate(block)
                if (added := added_value(s)) and added[0] == out
                for before in [block[:index]]
            ]
            maybe = next((v for v, before in values if not never_none(v, before)), None)
            if maybe is not None:
                raise Refusal(
                    f"some items are skipped (continue, line {skips[0].lineno}) and what the"
                    f" others add to {out} may be None (line {maybe.lineno}): filter the"
                    " items first to run them together"
                )
        set_before_read(loop.body, set(params), local)
        self._changes_only_its_own(loop, local, set(params), out, fetches)
        end = (loop.end_lineno or loop.lineno, loop.end_col_offset or 0)
        inside = {id(n) for n in ast.walk(loop)}
        here = {id(n) for n in dataflow.walk_local(self.node)}
        for node in ast.walk(self.node):
            if (
                isinstance(node, ast.Name)
                and node.id in local
                and isinstance(node.ctx, ast.Load)
                and id(node) not in inside
                # After the loop, or in a function made here that may run after it.
                and ((node.lineno, node.col_offset) >= end or id(node) not in here)
            ):
                raise Refusal(
                    f"the code after the loop reads {node.id} (line {node.lineno}), which the"
                    " loop's last item set"
                )
        if out not in fresh_locals(self.node, loop):
            raise Refusal(
                f"when an item fails, the items before it are in {out} for others to see;"
                " run together, none would be"
            )
        # Named for one value of the list, else for what its first call gives.
        singular = _singular(out) or self._noun(fetches[0])
        if not singular.isidentifier() or singular in ("response", "result"):
            singular = "one"
        name = self._fresh(f"fetch_{singular}")
        edit = GatherEdit(
            form="body",
            anchor=span_of(loop),
            fetches=(),
            # The gather's results, when skipped items are left out of them.
            names=(name, self._fresh("fetched")) if skips else (name,),
            collect=out,
            adds=adds,
            skips=bool(skips),
        )
        shorts = " and ".join(dict.fromkeys(self._info(c).short for c in fetches))
        reason = (
            f"each item of {ast.unparse(loop.iter)} runs the loop's body ({shorts}) in"
            f" {name}(), the items together (at most {self.limit_text} at a time) and each"
            f" item's calls in order; {out} gets their values in the items' order"
        )
        if skips:
            reason += " (an item skipped returns None, left out)"
        if any(_logs(c, self.quiet_calls) for s in loop.body for c in dataflow.walk_local(s)):
            reason += "; what the items log or print may interleave"
        return Finding(
            "loop",
            span_of(loop),
            tuple(dict.fromkeys(self._info(c).callee for c in fetches)),
            True,
            reason,
            bounded=True,
            edit=edit,
            items=literal_size(loop.iter, self.node, self.module),
        )

    def _early_exit(self, loop: ast.For, raising: bool = True) -> None:
        """Refuses a loop that can stop before its last item (``raising``: by ``raise``
        too, which fission counts, and a body run per item handles as a failure)."""
        for stmt in loop.body:
            for sub in same_loop(stmt):
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
                if raising and isinstance(sub, ast.Raise):
                    raise Refusal(
                        f"the loop can stop with raise (line {sub.lineno}): the legacy code"
                        " fetched fewer items"
                    )
                if isinstance(sub, ast.Yield | ast.YieldFrom):
                    raise Refusal("the loop yields per item: its consumer pulls items one by one")

    def _ends_only_by_adding_or_failing(self, loop: ast.For) -> None:
        self._early_exit(loop, raising=False)
        for stmt in loop.body:
            for sub in dataflow.walk_local(stmt):
                if isinstance(sub, ast.Global | ast.Nonlocal):
                    raise Refusal(f"the loop sets {', '.join(sub.names)} outside the function")
                if isinstance(sub, ast.With):
                    held = next(
                        (i for i in sub.items if not isinstance(i.context_expr, ast.Call)), None
                    )
                    if held is not None:
                        # ``with lock:`` held across an await: the items would wait on
                        # each other, or deadlock on a threading lock.
                        raise Refusal(
                            f"each item enters {ast.unparse(held.context_expr)} (line"
                            f" {sub.lineno}), which the items share"
                        )

    def _filled(self, loop: ast.For, local: set[str]) -> tuple[str, Adds]:
        """The one list, set or dict every item adds its value to, and how."""
        added = {
            found[:2]
            for stmt in loop.body
            for s in same_loop(stmt)
            # (``info["issues"] = ...`` changes what the item fetched: not a collection.)
            if isinstance(s, ast.stmt) and (found := added_value(s)) and found[0] not in local
        }
        if len(added) != 1:
            what = "nothing" if not added else ", ".join(sorted(out for out, _ in added))
            raise Refusal(
                f"the items do not each add one value to one collection (they add to {what})"
            )
        ((out, adds),) = added
        receivers = {
            id(found[3])
            for stmt in loop.body
            for s in dataflow.walk_local(stmt)
            if isinstance(s, ast.stmt) and (found := added_value(s)) and found[0] == out
        }
        for stmt in loop.body:
            for sub in dataflow.walk_local(stmt):
                if isinstance(sub, ast.Name) and sub.id == out and id(sub) not in receivers:
                    raise Refusal(
                        f"the loop reads {out} while it fills it (line {sub.lineno}): each item"
                        " would see the others' values"
                    )
        return out, adds

    def _changes_only_its_own(
        self,
        loop: ast.For,
        local: set[str],
        items: set[str],
        out: str,
        fetches: list[ast.Call],
    ) -> None:
        """Refuses a body that changes, or calls what may change, what other items see."""
        fetch_ids = {id(c) for c in fetches}
        own = set(items) | self._own_objects(loop, local, items, fetch_ids)
        for stmt in loop.body:
            for node in dataflow.walk_local(stmt):
                if isinstance(node, ast.Call) and id(node) not in fetch_ids:
                    why = _call_refusal(node, own, out, self.quiet_calls)
                    if why:
                        raise Refusal(f"{why} (line {node.lineno})")
                for target in stored_targets(node):
                    added = added_value(node) if isinstance(node, ast.Assign) else None
                    if (isinstance(target, ast.Name) and target.id in local) or (
                        added and added[0] == out
                    ):
                        continue
                    base = target_base(target)
                    if base not in own:
                        raise Refusal(
                            f"each item changes {ast.unparse(target)} (line {target.lineno}):"
                            " run together, the items would change it in the order they finish"
                        )

    def _own_objects(
        self, loop: ast.For, local: set[str], items: set[str], fetch_ids: set[int]
    ) -> set[str]:
        """Names bound to what the item fetched or made, or computed from only those."""
        own = set(items)
        assignments = [
            sub
            for stmt in loop.body
            for sub in dataflow.walk_local(stmt)
            if isinstance(sub, ast.Assign | ast.AnnAssign) and sub.value is not None
        ]
        known = -1
        while len(own) != known:
            known = len(own)
            for assign in assignments:
                assert assign.value is not None
                names = [n for n in dataflow.assigned_names(assign) if n in local]
                if names and self._made_here(assign.value, own, fetch_ids):
                    own.update(names)
        return own

    def _made_here(self, given: ast.expr, own: set[str], fetch_ids: set[int]) -> bool:
        value = strip_await(given)
        fetched = any(id(sub) in fetch_ids for sub in ast.walk(value))
        if fetched or isinstance(value, MADE):
            return True
        called = {id(c.func) for c in ast.walk(value) if isinstance(c, ast.Call)}
        loaded = {
            n.id
            for n in ast.walk(value)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and id(n) not in called
        }
        return bool(loaded) and loaded <= own


def _call_refusal(call: ast.Call, own: set[str], out: str, calls: QuietCalls) -> str:
    """Why a call in the body may change what another item sees ("" if it can't)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in ("append", "add"):
        if isinstance(func.value, ast.Name) and func.value.id == out:
            return ""
    if judged(call, own, calls):
        return ""
    shown = dataflow.path_of(func) or ast.unparse(func)
    return (
        f"each item calls {shown}, which may change what the other items see: run"
        " together, they would call it in the order they finish"
    )


def _logs(node: ast.AST, calls: QuietCalls) -> bool:
    """A call that may log or print (one of the project's functions may, too)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr in LOGGING_METHODS
    return dataflow.path_of(func) == "print" or calls(node) is not None


def _singular(name: str) -> str:
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        return name[:-1]
    return ""


def item_worker(function: ast.AST, scope: ast.AST | None) -> bool:
    """Whether ``function`` is what a gather in ``scope`` runs per item
    (``gather_in_order((fetch_card(x) for x in xs))``): the calls of one item
    stay in order."""
    name = getattr(function, "name", None)
    return scope is not None and name is not None and name in _workers(scope)


def _workers(scope: ast.AST) -> frozenset[str]:
    """The names of the functions gathers in ``scope`` run per item, found once per
    module (a walk per function would be quadratic in a file of thousands)."""
    cached: frozenset[str] | None = getattr(scope, "_migrate_item_workers", None)
    if cached is not None:
        return cached
    found = set()
    for node in ast.walk(scope):
        if not (
            isinstance(node, ast.Call)
            and (dataflow.path_of(node.func) or "").endswith(GATHER_HELPERS)
        ):
            continue
        for arg in node.args:
            made = arg.value if isinstance(arg, ast.Starred) else arg
            if (
                isinstance(made, ast.GeneratorExp)
                and isinstance(made.elt, ast.Call)
                and isinstance(made.elt.func, ast.Name)
            ):
                found.add(made.elt.func.id)
    workers = frozenset(found)
    scope._migrate_item_workers = workers  # type: ignore[attr-defined]
    return workers
