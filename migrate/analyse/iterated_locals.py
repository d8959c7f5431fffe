"""A call's result held in a local only to be looped over:
``pages = self._pages(q)`` then ``for page in pages:``.

When the call becomes an async generator's, the local holds it as it is (no
``await``: an async generator object is not awaitable) and the loop becomes
``async for``. Only a local assigned once, by that call, and read once, as
the iterable of a loop or a comprehension further down, is followed: any other
read (``len(pages)``, ``list(pages)``, a closure) keeps the call a value, for
the generator analysis to refuse as before.

A local rebound to its first item right away (``page = c.pages()`` then ``page =
next(page)``) is taken there, once. A local taken item by item, ``it =
c.iter_items()`` then ``first = next(it)``
(the usual check that a listing is lazy), may be read more than once: when
every read is ``next(it)`` (a default allowed), a builtin that takes all its
items (``list(it)``) or a loop's iterable, the call is followed through each
read (``_migrate_taken_at``): ``await anext(it)``, an async comprehension,
``async for``. An ``except StopIteration`` around a ``next(it)`` is noted
with it, for ``StopAsyncIteration``.
"""

from __future__ import annotations

import ast
from itertools import pairwise

from .model import Span
from .tree import is_next, span_of, stop_guarded_calls

# Builtins taking every item of the iterable they are given (see generators).
TAKING_ALL = frozenset({"list", "set", "frozenset", "tuple", "dict", "sorted", "sum", "min", "max"})


def mark_iterated_locals(node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """Marks each such call as iterated, at the local's read (``_migrate_iterated_at``)."""
    stores: dict[str, list[ast.AST]] = {}
    loads: dict[str, list[ast.Name]] = {}
    for seen in _own_names(node):
        if isinstance(seen, ast.Name) and isinstance(seen.ctx, ast.Load):
            loads.setdefault(seen.id, []).append(seen)
        else:
            stores.setdefault(_named(seen) or "", []).append(seen)
    iterables = {
        id(sub.iter)
        for sub in ast.walk(node)
        if isinstance(sub, ast.For | ast.AsyncFor | ast.comprehension)
    }
    # ``next(it)``, ``list(it)``: the builtin each such read is handed to.
    takers: dict[int, str] = {}
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id in TAKING_ALL | {"next"}
            and sub.args
            and isinstance(sub.args[0], ast.Name)
            and not sub.keywords
            and len(sub.args) <= (2 if sub.func.id == "next" else 1)
        ):
            takers[id(sub.args[0])] = sub.func.id
    stops = _stop_handlers(node)
    for made, take in _taken_at_once(node, takers):
        how = takers[id(take)]
        made.value._migrate_taken_at = ((span_of(take), how, stops.get(id(take))),)  # type: ignore[attr-defined]
    for stmt in ast.walk(node):
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
        ):
            continue
        name = stmt.targets[0].id
        read = loads.get(name, [])
        if len(stores.get(name, [])) != 1 or not read:
            continue
        if min((r.lineno, r.col_offset) for r in read) <= (stmt.lineno, stmt.col_offset):
            continue
        if len(read) == 1 and id(read[0]) in iterables:
            stmt.value._migrate_iterated = True  # type: ignore[attr-defined]
            stmt.value._migrate_iterated_at = read[0]  # type: ignore[attr-defined]
            continue
        taken = [_taken_by(r, takers, iterables) for r in read]
        if all(taken):
            stmt.value._migrate_taken_at = tuple(  # type: ignore[attr-defined]
                (span_of(r), how, stops.get(id(r))) for r, how in zip(read, taken, strict=True)
            )


def _own_names(node: ast.AST) -> list[ast.Name | ast.arg]:
    """The names and parameters of ``node``, but for those a lambda or function in it
    binds as its own parameters (``lambda response: response["data"]``)."""
    hidden: set[int] = set()
    for sub in ast.walk(node):
        if sub is not node and isinstance(sub, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
            own = {a.arg for a in ast.walk(sub.args) if isinstance(a, ast.arg)}
            hidden.update(id(n) for n in ast.walk(sub) if _named(n) in own)
    return [n for n in ast.walk(node) if isinstance(n, ast.Name | ast.arg) and id(n) not in hidden]


def _named(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.arg if isinstance(node, ast.arg) else None


def _taken_at_once(node: ast.AST, takers: dict[int, str]) -> list[tuple[ast.Assign, ast.Name]]:
    """``page = c.pages()`` right before ``page = next(page)`` (a test's usual check):
    the local holds the generator for that one take only, then what it gave."""
    found = []
    for sub in ast.walk(node):
        for block in (getattr(sub, f, None) for f in ("body", "orelse", "finalbody")):
            if not isinstance(block, list):
                continue
            for first, then in pairwise(block):
                made, taking = _assigned_call(first), _assigned_call(then)
                if made is None or taking is None or made[0] != taking[0]:
                    continue
                arg = taking[1].args[0] if taking[1].args else None
                if isinstance(arg, ast.Name) and arg.id == made[0] and id(arg) in takers:
                    found.append((first, arg))
    return found


def _assigned_call(stmt: ast.stmt) -> tuple[str, ast.Call] | None:
    """``name = call(...)``: the name and the call."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.Call):
        target = stmt.targets[0]
        return (target.id, stmt.value) if isinstance(target, ast.Name) else None
    return None


def _taken_by(read: ast.Name, takers: dict[int, str], iterables: set[int]) -> str | None:
    """How a read of the local takes its items: a builtin's name, ``"for"``, or None."""
    if id(read) in iterables:
        return "for"
    return takers.get(id(read))


def _stop_handlers(node: ast.AST) -> dict[int, Span]:
    """``try: next(it) except StopIteration``: the handler's type, by ``it``'s read."""
    return {
        id(call.args[0]): handler
        for sub in ast.walk(node)
        if isinstance(sub, ast.Try | ast.TryStar)
        for call, handler in stop_guarded_calls(sub)
        if is_next(call)
    }
