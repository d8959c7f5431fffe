"""MIG004 bridges: where sync and async code meet, through asgiref.

* A sync boundary (dunder, property, lambda, click command, callback handed
  to a sync API, a generator a sync API consumes, excluded code) calling
  now-async code: ``async_to_sync(f)(...)``. It starts an event loop in a
  worker thread when none runs, and raises if one runs in this thread, which
  the plan checks for. A generator that became async is read whole there:
  ``async_to_sync(collect)(gen(...))`` gives sync code the list of its items
  (fetched before the first is used, one event loop for all the pages);
  where ``next()`` takes it, ``iter(async_to_sync(collect)(gen(...), limit=1))``
  fetches only what the first item needs. A dunder Python runs on syntax
  (``==``, ``str()``), which async code may run on its loop's thread where no
  call shows it, waits through the ``block_on`` helper instead:
  ``block_on(get(url))`` works there too, blocking as the legacy call did.
* The ``if __name__ == "__main__":`` block: ``asyncio.run(f(...))``: a true
  top level, where no loop can be running and no asgiref is needed; so is an
  exit hook (``atexit.register(lambda: asyncio.run(client.close()))``).
* ``__del__``, run wherever the object is collected, maybe on a running loop:
  ``run_soon(self.close())``, a helper running it as a task on that loop (or
  on a loop of its own where none runs).
* Async code calling blocking code with no async twin (sqlite3, files,
  subprocesses, project functions that use them):
  ``await sync_to_async(f)(...)``; thread-sensitive (asgiref's default)
  where the resource belongs to a thread (an sqlite3 connection), so those
  calls never overlap; ``thread_sensitive=False`` where overlap is safe.
  A module-level function is bridged once, at the top of the module
  (``load = sync_to_async(db.load)``), and called as ``await load(...)``:
  the alias goes after whatever binds the name it reads (the imports, or
  the function's own ``def``).
* A file opened in async code: used at once (``open(p).read()``), opened,
  used and closed in one offloaded lambda; in a ``with`` block that only
  calls things (``f.write(data)``), the whole block in a function of its own,
  ``def write_file(): ...`` then ``await sync_to_async(write_file)()``.
"""

from __future__ import annotations

import ast
from collections import Counter

import libcst as cst
import libcst.matchers as m

from ...analyse.scopes import bound_names
from ...plan.aliases import AliasEdit
from ...plan.edits import BridgeEdit
from ..context import RuleContext
from ..imports import after_imports
from ..nodes import code_of, keyword_arg
from .base import Rule, on_leave, on_visit


class Bridges(Rule):
    code = "MIG004"
    name = "bridges"
    summary = "async_to_sync / asyncio.run / sync_to_async where sync and async meet"

    @on_leave(cst.Call)
    def leave_Call(self, original: cst.Call, updated: cst.BaseExpression) -> cst.BaseExpression:
        bridge = self.ctx.edits.bridges.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if bridge is None and isinstance(updated, cst.Call):
            return self._file_used_at_once(updated)
        if bridge is None or bridge.is_reference or not isinstance(updated, cst.Call):
            return updated
        line = self.ctx.line(original)
        if bridge.kind == "asyncio.run":
            self.ctx.add_import("asyncio")
            self.ctx.note(self.code, line, "asyncio.run at the top level")
            return cst.Call(
                func=cst.Attribute(value=cst.Name("asyncio"), attr=cst.Name("run")),
                args=[cst.Arg(updated)],
            )
        if bridge.kind == "run_soon":
            self.ctx.note(self.code, line, "run_soon in a finaliser")
            run = cst.Name(self.ctx.use_helper("run_soon"))
            return cst.Call(func=run, args=[cst.Arg(updated)])
        if bridge.kind == "async_to_sync" and bridge.anywhere:
            return self._block_on(updated, bridge, line)
        if bridge.kind == "async_to_sync" and bridge.collect:
            self.ctx.add_import("asgiref.sync", "async_to_sync")
            self.ctx.note(self.code, line, "async_to_sync bridge, the generator's items collected")
            collect = cst.Name(self.ctx.use_helper("collect"))
            args = [cst.Arg(updated)]
            if bridge.collect == "iter":
                # next() takes one item: fetch no more than that, as before.
                args.append(keyword_arg("limit", cst.Integer("1")))
            items = cst.Call(
                func=cst.Call(func=cst.Name("async_to_sync"), args=[cst.Arg(collect)]),
                args=args,
            )
            if bridge.collect == "iter":  # and an iterator, not a list
                return cst.Call(func=cst.Name("iter"), args=[cst.Arg(items)])
            return items
        if bridge.kind == "async_to_sync":
            self.ctx.add_import("asgiref.sync", "async_to_sync")
            self.ctx.note(self.code, line, "async_to_sync bridge")
            return updated.with_changes(
                func=cst.Call(func=cst.Name("async_to_sync"), args=[cst.Arg(updated.func)])
            )
        if bridge.kind == "sync_to_async" and self.ctx.in_async:
            return self._offload(updated, bridge, line)
        if bridge.kind == "thread_items" and self.ctx.in_async:
            # A sync generator that blocks: each item made on a worker thread.
            self.ctx.note(self.code, line, "a sync generator's items taken on a worker thread")
            args = [cst.Arg(updated)]
            if bridge.thread_sensitive:
                args.append(keyword_arg("thread_sensitive", cst.Name("True")))
            return cst.Call(func=cst.Name(self.ctx.use_helper("thread_items")), args=args)
        return updated

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__(ctx)
        self.used_aliases: Counter[str] = Counter()
        # Offloaded ``open()`` calls: the offloading call made (kept, so its id stays
        # its own) -> that call, the call as written, its bridge.
        self.opened: dict[int, tuple[cst.BaseExpression, cst.Call, BridgeEdit]] = {}
        self.names: list[set[str]] = []  # per function being left, the names it uses
        self.first_statements: set[int] = set()  # ids of the statements opening a block

    def _file_used_at_once(self, call: cst.Call) -> cst.BaseExpression:
        """``open(p, "w").write(s)`` in async code: the file is opened, written and
        closed (the temporary goes) on the worker thread in one trip, as it was on the
        caller's; offloading the ``open()`` alone would leave the file open, unflushed,
        for as long as the offload's future holds it."""
        func = call.func
        if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Await):
            return call
        held = self.opened.get(id(func.value.expression))
        if held is None or held[0] is not func.value.expression:
            return call
        _, opened, bridge = held
        if bridge.alias:
            self.used_aliases[bridge.alias] -= 1
        chained = call.with_changes(func=func.with_changes(value=opened))
        lambda_ = cst.Lambda(params=cst.Parameters(), body=chained)
        return cst.Await(expression=cst.Call(func=_sync_to_async(lambda_, bridge.thread_sensitive)))

    @on_visit(cst.FunctionDef)
    def visit_function_names(self, node: cst.FunctionDef) -> None:
        # The names each function uses: a function it gets is named none of them.
        self.names.append({n.value for n in m.findall(node, m.Name()) if isinstance(n, cst.Name)})

    @on_leave(cst.FunctionDef)
    def leave_function_names(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.names.pop()
        return updated

    @on_visit(cst.IndentedBlock)
    def visit_block_start(self, node: cst.IndentedBlock) -> None:
        if node.body:
            self.first_statements.add(id(node.body[0]))

    @on_leave(cst.With)
    def leave_file_block(
        self, original: cst.With, updated: cst.With
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        """``with open(p, "wb") as f: f.write(data)`` in async code, the block only
        calling things: a function opens, uses and closes the file, all on the worker
        thread in one trip; offloading the ``open()`` alone left every write and the
        close blocking the loop."""
        if len(updated.items) != 1 or updated.asynchronous is not None:
            return updated
        item = updated.items[0]
        held = self._opened(item.item)
        if held is None or not _calls_only(updated.body):
            return updated
        _, opened, bridge = held
        if bridge.alias:
            self.used_aliases[bridge.alias] -= 1
        name = self._fresh("write_file" if _writes(opened) else "read_file")
        block = updated.with_changes(items=[item.with_changes(item=opened)], leading_lines=[])
        # A nested def has a blank line above it, unless it opens its block.
        first = id(original) in self.first_statements
        blank = [] if first or updated.leading_lines else [cst.EmptyLine(indent=False)]
        function = cst.FunctionDef(
            name=cst.Name(name),
            params=cst.Parameters(),
            body=cst.IndentedBlock([block]),
            leading_lines=[*blank, *updated.leading_lines],
        )
        run = cst.Await(cst.Call(func=_sync_to_async(cst.Name(name), bridge.thread_sensitive)))
        line = self.ctx.line(original)
        self.ctx.note(self.code, line, "a file opened, used and closed on a worker thread")
        call = cst.SimpleStatementLine([cst.Expr(run)], leading_lines=[cst.EmptyLine(indent=False)])
        return cst.FlattenSentinel([function, call])

    def _opened(
        self, expression: cst.BaseExpression
    ) -> tuple[cst.BaseExpression, cst.Call, BridgeEdit] | None:
        """The offloaded ``open()`` ``expression`` awaits, as :meth:`_offload` noted it."""
        if not isinstance(expression, cst.Await):
            return None
        held = self.opened.get(id(expression.expression))
        return held if held is not None and held[0] is expression.expression else None

    def _fresh(self, name: str) -> str:
        taken = self.names[-1] if self.names else set()
        found = next(
            f"{name}{n or ''}" for n in range(len(taken) + 2) if f"{name}{n or ''}" not in taken
        )
        taken.add(found)
        return found

    def _block_on(self, call: cst.Call, bridge: BridgeEdit, line: int) -> cst.BaseExpression:
        """``block_on(get(url))`` in a dunder Python runs wherever, a running loop's
        thread too; a generator's items collected (``block_on(collect(gen(...)))``)."""
        self.ctx.note(self.code, line, "block_on bridge (Python calls this dunder)")
        made: cst.BaseExpression = call
        if bridge.collect:
            args = [cst.Arg(call)]
            if bridge.collect == "iter":
                args.append(keyword_arg("limit", cst.Integer("1")))
            made = cst.Call(func=cst.Name(self.ctx.use_helper("collect")), args=args)
        waited = cst.Call(func=cst.Name(self.ctx.use_helper("block_on")), args=[cst.Arg(made)])
        if bridge.collect == "iter":
            return cst.Call(func=cst.Name("iter"), args=[cst.Arg(waited)])
        return waited

    def _offload(self, call: cst.Call, bridge: BridgeEdit, line: int) -> cst.BaseExpression:
        self.ctx.add_import("asgiref.sync", "sync_to_async")
        self.ctx.note(
            self.code, line, f"sync_to_async bridge (thread_sensitive={bridge.thread_sensitive})"
        )
        if bridge.alias:
            self.used_aliases[bridge.alias] += 1
            made = cst.Await(expression=call.with_changes(func=cst.Name(bridge.alias)))
            if bridge.opens_file:
                self.opened[id(made.expression)] = (made.expression, call, bridge)
            return made
        inner = self._offloaded_receiver(call.func) if bridge.thread_sensitive else None
        if inner is not None:
            # ``db.execute(q).fetchone()``: one trip to the connection's thread.
            chained = call.with_changes(func=call.func.with_changes(value=inner))
            lambda_ = cst.Lambda(params=cst.Parameters(), body=chained)
            return cst.Await(expression=cst.Call(func=_sync_to_async(lambda_, True)))
        wrapped = _sync_to_async(call.func, bridge.thread_sensitive)
        made = cst.Await(expression=call.with_changes(func=wrapped))
        if bridge.opens_file:
            self.opened[id(made.expression)] = (made.expression, call, bridge)
        return made

    @on_leave(cst.Module)
    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        new = [a for a in self.ctx.edits.bridge_aliases if self.used_aliases[a.name] > 0]
        if not new:
            return updated
        body: list[cst.BaseStatement] = list(updated.body)
        bound = [_binds(updated, stmt) for stmt in body]
        groups: dict[int, list[AliasEdit]] = {}
        for alias in new:
            root = alias.target.split(".")[0]
            binders = [i for i, names in enumerate(bound) if root in names]
            groups.setdefault(max([after_imports(body) - 1, *binders]), []).append(alias)
        for anchor in sorted(groups, reverse=True):
            lines = []
            for index, alias in enumerate(groups[anchor]):
                statement = cst.SimpleStatementLine(
                    [
                        cst.Assign(
                            targets=[cst.AssignTarget(cst.Name(alias.name))],
                            value=_sync_to_async(
                                cst.parse_expression(alias.target), alias.thread_sensitive
                            ),
                        )
                    ]
                )
                if index == 0 and anchor >= 0:
                    # Two blank lines after a definition, one after the imports.
                    after_def = not isinstance(body[anchor], cst.SimpleStatementLine)
                    blank = [cst.EmptyLine()] * (2 if after_def else 1)
                    statement = statement.with_changes(leading_lines=blank)
                lines.append(statement)
            body[anchor + 1 : anchor + 1] = lines
        return updated.with_changes(body=body)

    @on_leave(cst.Name)
    def leave_Name(self, original: cst.Name, updated: cst.BaseExpression) -> cst.BaseExpression:
        return self._reference(original, updated, "." not in original.value)

    @on_leave(cst.Attribute)
    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        bridge = self.ctx.edits.bridges.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if bridge is not None and bridge.kind == "sync_to_async" and not bridge.is_reference:
            return self._read_offloaded(original, updated, bridge)
        return self._reference(original, updated, True)

    def _read_offloaded(
        self, original: cst.Attribute, updated: cst.BaseExpression, bridge: BridgeEdit
    ) -> cst.BaseExpression:
        """A property whose getter blocks, read in async code: read on a worker
        thread, ``await sync_to_async(lambda: svc.devices)()``."""
        if not self.ctx.in_async:
            return updated
        self.ctx.add_import("asgiref.sync", "sync_to_async")
        line = self.ctx.line(original)
        self.ctx.note(self.code, line, "a blocking property read on a worker thread")
        read = cst.Lambda(params=cst.Parameters(), body=updated)
        return cst.Await(expression=cst.Call(func=_sync_to_async(read, bridge.thread_sensitive)))

    def _reference(
        self, original: cst.CSTNode, updated: cst.BaseExpression, outermost: bool
    ) -> cst.BaseExpression:
        bridge = self.ctx.edits.bridges.get(self.ctx.pos(original) or (0, 0, 0, 0))
        if bridge is None or not bridge.is_reference or not outermost:
            return updated
        code = code_of(original)
        # ``Nodes(base).iteritems`` is named ``Nodes().iteritems`` by the analysis.
        if code.rpartition(".")[2] != bridge.text.rpartition(".")[2]:
            return updated
        if bridge.collect:
            # A generator function that became async, handed to code that iterates
            # what it gives: a function giving its items, collected on one loop.
            self.ctx.note(self.code, self.ctx.line(original), "callback's items collected")
            collecting = cst.Name(self.ctx.use_helper("collecting"))
            return cst.Call(func=collecting, args=[cst.Arg(updated)])
        if bridge.kind == "asyncio.run":
            # ``atexit.register(client.close)``: run on a loop of its own at exit.
            self.ctx.add_import("asyncio")
            self.ctx.note(self.code, self.ctx.line(original), "asyncio.run at exit")
            run = cst.Call(
                func=cst.Attribute(value=cst.Name("asyncio"), attr=cst.Name("run")),
                args=[cst.Arg(cst.Call(func=updated))],
            )
            return cst.Lambda(params=cst.Parameters(), body=run)
        self.ctx.add_import("asgiref.sync", "async_to_sync")
        self.ctx.note(self.code, self.ctx.line(original), "async_to_sync around a callback")
        return cst.Call(func=cst.Name("async_to_sync"), args=[cst.Arg(updated)])

    def _offloaded_receiver(self, func: cst.BaseExpression) -> cst.BaseExpression | None:
        """The call ``func`` is a method of, if that call was offloaded thread-sensitive
        here (``(await sync_to_async(db.execute)(q)).fetchone``, ``(await
        get_db_async()).execute``): as it was written."""
        if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Await):
            return None
        offloaded = func.value.expression
        if isinstance(offloaded, cst.Call) and isinstance(offloaded.func, cst.Name):
            alias = next(
                (
                    a
                    for a in self.ctx.edits.bridge_aliases
                    if a.name == offloaded.func.value and a.thread_sensitive
                ),
                None,
            )
            if alias is None:
                return None
            self.used_aliases[alias.name] -= 1  # joined: called on the thread itself
            target = cst.parse_expression(alias.target)
            return offloaded.with_changes(func=target, lpar=[], rpar=[])
        return _offloaded_call(offloaded)


def _offloaded_call(offloaded: cst.BaseExpression) -> cst.BaseExpression | None:
    """``sync_to_async(db.execute)(q)`` as ``db.execute(q)`` (None: something else)."""
    if not isinstance(offloaded, cst.Call) or not isinstance(offloaded.func, cst.Call):
        return None
    bridge = offloaded.func
    if not (isinstance(bridge.func, cst.Name) and bridge.func.value == "sync_to_async"):
        return None
    if len(bridge.args) != 1:
        return None  # thread_sensitive=False: not bound to the thread
    made = bridge.args[0].value
    if isinstance(made, cst.Lambda):  # a chain already joined
        return made.body if not offloaded.args else None
    return offloaded.with_changes(func=made, lpar=[], rpar=[])


def _calls_only(body: cst.BaseSuite) -> bool:
    """A block of calls (``f.write(data)``, ``json.dump(obj, f)``), nothing awaited,
    bound or returned: it runs the same in a function of its own."""
    if not isinstance(body, cst.IndentedBlock) or m.findall(body, m.Await() | m.Yield()):
        return False
    return all(
        isinstance(stmt, cst.SimpleStatementLine)
        and all(
            isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) for small in stmt.body
        )
        for stmt in body.body
    )


def _writes(opened: cst.Call) -> bool:
    """Whether ``open(path, mode)`` opens for writing (a mode with w, a, x or +)."""
    mode = next(
        (a.value for a in opened.args if a.keyword is not None and a.keyword.value == "mode"),
        opened.args[1].value if len(opened.args) > 1 and opened.args[1].keyword is None else None,
    )
    return isinstance(mode, cst.SimpleString) and any(c in mode.evaluated_value for c in "wax+")


def _sync_to_async(func: cst.BaseExpression, thread_sensitive: bool) -> cst.Call:
    args = [cst.Arg(func)]
    if not thread_sensitive:
        # asgiref's default is thread-sensitive: only the exception is spelt out.
        args.append(keyword_arg("thread_sensitive", cst.Name("False")))
    return cst.Call(func=cst.Name("sync_to_async"), args=args)


def _binds(module: cst.Module, stmt: cst.BaseStatement) -> frozenset[str]:
    """The names a top-level statement binds (imports, definitions, assignments)."""
    try:
        tree = ast.parse(module.code_for_node(stmt).strip())
    except SyntaxError:
        return frozenset()
    return bound_names(tree.body, imports=True)
