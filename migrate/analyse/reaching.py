"""Which bindings of a name reach each read of it, in one function body.

``requester`` is a parameter; under ``if requester is None:`` both branches of
an inner ``if`` bind it to a class and call it, and the ``else`` keeps what
was given. Flow-insensitively the name holds three kinds of thing at every
read; along the paths, the call sees only the two classes and the ``else``
only the parameter. This walks the structured statements (``if``, loops with
``break``/``continue``, ``try``, ``with``, ``match``), joining at the
merges; a ``return`` or ``raise`` ends a path.

A binding is the value an ``x = value`` assigns, the parameter's ``ast.arg``,
or, for any other way of binding (a loop or ``with`` target, ``x += ...``,
unpacking, an import, a nested ``def``), the statement itself, which a caller
takes as "anything". A read in a nested function or lambda runs later, so
every binding of the name reaches it. Names declared ``global`` or
``nonlocal``, or bound by ``:=``, are not tracked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

Binding = ast.AST
# name -> the bindings that may hold it here; None: no path reaches this point.
State = dict[str, frozenset[Binding]] | None

_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _join(a: State, b: State) -> State:
    if a is None:
        return b
    if b is None:
        return a
    return {name: a.get(name, frozenset()) | b.get(name, frozenset()) for name in {*a, *b}}


class _Walk:
    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.reads: dict[int, frozenset[Binding]] = {}
        self.everything: dict[str, frozenset[Binding]] = {}
        # Per enclosing loop: the states at its ``break``s and ``continue``s.
        self.loops: list[tuple[list[State], list[State]]] = []
        # Per enclosing ``try``: every state seen in its body (a handler may start there).
        self.tries: list[list[State]] = []

    # -- expressions --------------------------------------------------------------

    def read(self, node: ast.AST | None, state: State) -> None:
        if node is None or state is None:
            return
        todo: list[tuple[ast.AST, bool]] = [(node, False)]
        while todo:
            item, later = todo.pop()
            if isinstance(item, ast.Name) and isinstance(item.ctx, ast.Load):
                if item.id in self.names:
                    held = self.everything[item.id] if later else state.get(item.id, frozenset())
                    self.reads[id(item)] = self.reads.get(id(item), frozenset()) | held
                continue
            nested = later or isinstance(item, _NESTED)
            todo.extend((child, nested) for child in ast.iter_child_nodes(item))

    # -- statements ---------------------------------------------------------------

    def block(self, body: Iterable[ast.stmt], state: State) -> State:
        for stmt in body:
            state = self.stmt(stmt, state)
            for seen in self.tries:
                seen.append(state)
        return state

    def bind(self, target: ast.AST, binding: Binding, state: State) -> State:
        if state is None:
            return None
        self.read(target, state)  # ``x[i] = ...``, ``obj.attr = ...`` read ``x``, ``i``, ``obj``
        state = dict(state)
        for node in ast.walk(target):
            name = node.id if isinstance(node, ast.Name) and not _loads(node) else None
            if isinstance(node, ast.MatchAs | ast.MatchStar):
                name = node.name
            if name in self.names:
                state[name] = frozenset({binding})
        return state

    def stmt(self, stmt: ast.stmt, state: State) -> State:
        if state is None:
            return None
        if isinstance(stmt, ast.Assign):
            self.read(stmt.value, state)
            for target in stmt.targets:
                plain = isinstance(target, ast.Name) and len(stmt.targets) == 1
                state = self.bind(target, stmt.value if plain else stmt, state)
            return state
        if isinstance(stmt, ast.AnnAssign):
            self.read(stmt.value, state)
            if stmt.value is None:
                return state
            return self.bind(stmt.target, stmt.value, state)
        if isinstance(stmt, ast.AugAssign):
            self.read(stmt.value, state)
            return self.bind(stmt.target, stmt, state)
        if isinstance(stmt, ast.If):
            self.read(stmt.test, state)
            return _join(self.block(stmt.body, state), self.block(stmt.orelse, state))
        if isinstance(stmt, ast.For | ast.AsyncFor | ast.While):
            return self.loop(stmt, state)
        if isinstance(stmt, ast.Try | ast.TryStar):
            return self.try_(stmt, state)
        if isinstance(stmt, ast.With | ast.AsyncWith):
            for item in stmt.items:
                self.read(item.context_expr, state)
                if item.optional_vars is not None:
                    state = self.bind(item.optional_vars, stmt, state)
            return self.block(stmt.body, state)
        if isinstance(stmt, ast.Match):
            self.read(stmt.subject, state)
            after: State = state  # no case matched
            for case in stmt.cases:
                here = self.bind(case.pattern, stmt, state)
                self.read(case.guard, here)
                after = _join(after, self.block(case.body, here))
            return after
        if isinstance(stmt, ast.Return | ast.Raise):
            self.read(stmt, state)
            return None
        if isinstance(stmt, ast.Break | ast.Continue):
            if self.loops:
                self.loops[-1][isinstance(stmt, ast.Continue)].append(state)
            return None
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            self.read(stmt, state)
            return self.bind(ast.Name(id=stmt.name, ctx=ast.Store()), stmt, state)
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            for alias in stmt.names:
                name = (alias.asname or alias.name).split(".")[0]
                state = self.bind(ast.Name(id=name, ctx=ast.Store()), stmt, state)
            return state
        if isinstance(stmt, ast.Delete):
            self.read(stmt, state)
            dropped = {n.id for t in stmt.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            return {name: held for name, held in state.items() if name not in dropped}
        self.read(stmt, state)
        return state

    def loop(self, stmt: ast.For | ast.AsyncFor | ast.While, state: State) -> State:
        if not isinstance(stmt, ast.While):
            self.read(stmt.iter, state)
        head = state
        while True:
            self.loops.append(([], []))
            if isinstance(stmt, ast.While):
                self.read(stmt.test, head)
                entry = head
            else:
                entry = self.bind(stmt.target, stmt, head)
            end = self.block(stmt.body, entry)
            breaks, continues = self.loops.pop()
            again = _join(head, end)
            for held in continues:
                again = _join(again, held)
            if again == head:
                break
            head = again
        after = self.block(stmt.orelse, head)
        for held in breaks:
            after = _join(after, held)
        return after

    def try_(self, stmt: ast.Try | ast.TryStar, state: State) -> State:
        self.tries.append([state])
        end = self.block(stmt.body, state)
        seen = self.tries.pop()
        start: State = None
        for held in seen:
            start = _join(start, held)
        after = self.block(stmt.orelse, end)
        for handler in stmt.handlers:
            here = start
            if handler.name:
                here = self.bind(ast.Name(id=handler.name, ctx=ast.Store()), handler, here)
            after = _join(after, self.block(handler.body, here))
        if stmt.finalbody:
            # A ``finally`` also runs on the way out of a ``return``: any state seen.
            self.block(stmt.finalbody, _join(start, after))
            return self.block(stmt.finalbody, after)
        return after


def reaching(
    function: ast.FunctionDef | ast.AsyncFunctionDef, names: Iterable[str]
) -> dict[int, frozenset[Binding]]:
    """``id(read)`` -> the bindings that may hold the name it reads, for every read
    of one of ``names`` in ``function`` (the parameter's binding is its ``ast.arg``)."""
    tracked = set(names) - _untracked(function)
    if not tracked:
        return {}
    walk = _Walk(tracked)
    args = function.args
    params = [*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg]
    state: dict[str, frozenset[Binding]] = {
        arg.arg: frozenset({arg}) for arg in params if arg is not None and arg.arg in tracked
    }
    everything: dict[str, set[Binding]] = {name: set(held) for name, held in state.items()}
    for node in ast.walk(function):
        if node is not function and isinstance(node, ast.Assign):
            single = len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            for target in node.targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name) and sub.id in tracked:
                        everything.setdefault(sub.id, set()).add(node.value if single else node)
        elif isinstance(node, ast.stmt | ast.ExceptHandler | ast.match_case):
            if node is not function and not isinstance(node, ast.Assign):
                for stored in _stored(node):
                    if stored in tracked:
                        everything.setdefault(stored, set()).add(node)
    walk.everything = {name: frozenset(held) for name, held in everything.items()}
    walk.block(function.body, state)
    return walk.reads


def _stored(node: ast.AST) -> list[str]:
    """Names a statement binds itself (not its nested statements)."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.ExceptHandler):
        return [node.name] if node.name else []
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    targets: list[ast.AST] = []
    if isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor):
        targets = [node.target]
    elif isinstance(node, ast.With | ast.AsyncWith):
        targets = [i.optional_vars for i in node.items if i.optional_vars is not None]
    elif isinstance(node, ast.match_case):
        targets = [node.pattern]
    found = []
    for target in targets:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Name):
                found.append(sub.id)
            elif isinstance(sub, ast.MatchAs | ast.MatchStar) and sub.name:
                found.append(sub.name)
    return found


def _loads(node: ast.Name) -> bool:
    return isinstance(node.ctx, ast.Load)


def _untracked(function: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Global | ast.Nonlocal):
            found.update(node.names)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            found.add(node.target.id)
    return found
