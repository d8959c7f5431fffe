"""Legacy threads as fan-out shapes: a thread started per item and joined at once.

``threads = [Thread(target=work, args=(x,)) for x in xs]``, then a loop that
starts them and one that joins them (or one loop that makes, starts and
collects each thread): the worker runs once per item, concurrently, so the
threads become one gather over the items (see gathers/threads.py).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from .model import FanOut
from .names import NameResolver, span_of


@dataclass(frozen=True)
class ThreadWorkers:
    """Threads started over items and joined at once: ``worker(x)`` per item.

    ``statements`` are the whole shape (the list of threads, the loops that
    start and join them); ``items`` is the ``for`` clause that makes one thread
    per item, ``worker`` and ``arguments`` what each thread calls.
    """

    statements: tuple[ast.stmt, ...]
    thread: ast.Call
    worker: ast.expr
    arguments: tuple[ast.expr, ...]
    keywords: ast.expr | None  # ``kwargs={...}``
    target: ast.expr  # of the ``for`` clause
    items: ast.expr
    conditions: tuple[ast.expr, ...] = ()


THREAD_KEYWORDS = frozenset({"target", "args", "kwargs", "name", "daemon"})


def thread_workers(
    body: list[ast.stmt], resolve: Callable[[ast.AST], str | None]
) -> list[ThreadWorkers]:
    """Every ``threads = [Thread(target=w, args=(x,)) for x in xs]``, start loop,
    join loop (or one loop that makes, starts and collects each thread) in ``body``."""
    found = []
    for index in range(len(body)):
        shape = _started_threads(body[index : index + 3], resolve)
        if shape is not None and _only_here(shape, body):
            found.append(shape)
    return found


def thread_fan_outs(body: list[ast.stmt], resolver: NameResolver) -> list[FanOut]:
    """The :func:`thread_workers` of ``body`` as fan-outs of their worker."""
    return [
        FanOut(
            kind="thread-workers",
            span=span_of(shape.thread),
            call_target=resolver.resolve(shape.worker),
            iter_text=ast.unparse(shape.items),
        )
        for shape in thread_workers(body, resolver.resolve)
    ]


def _started_threads(
    stmts: list[ast.stmt], resolve: Callable[[ast.AST], str | None]
) -> ThreadWorkers | None:
    if len(stmts) != 3 or not isinstance(stmts[0], ast.Assign) or len(stmts[0].targets) != 1:
        return None
    made, second, joined = stmts
    listed = made.targets[0]  # type: ignore[attr-defined]
    if not isinstance(listed, ast.Name) or not _loop_calls(joined, listed.id, "join"):
        return None
    value = made.value  # type: ignore[attr-defined]
    if isinstance(value, ast.ListComp) and _loop_calls(second, listed.id, "start"):
        (clause,) = value.generators if len(value.generators) == 1 else (None,)
        if clause is None or clause.is_async:
            return None
        thread = value.elt
        target, items, conditions = clause.target, clause.iter, tuple(clause.ifs)
    elif (
        isinstance(value, ast.List)
        and not value.elts
        and isinstance(second, ast.For)
        and not second.orelse
        and len(second.body) == 3
        and isinstance(second.body[0], ast.Assign)
        and len(second.body[0].targets) == 1
        and isinstance(second.body[0].targets[0], ast.Name)
    ):
        name = second.body[0].targets[0].id
        rest = {ast.dump(s) for s in second.body[1:]}
        wanted = {
            ast.dump(ast.parse(f"{name}.start()").body[0]),
            ast.dump(ast.parse(f"{listed.id}.append({name})").body[0]),
        }
        if rest != wanted:
            return None
        thread = second.body[0].value
        target, items, conditions = second.target, second.iter, ()
    else:
        return None
    if not (isinstance(thread, ast.Call) and resolve(thread.func) == "threading.Thread"):
        return None
    if thread.args or any(k.arg not in THREAD_KEYWORDS for k in thread.keywords):
        return None
    given = {k.arg: k.value for k in thread.keywords}
    args = given.get("args", ast.Tuple(elts=[]))
    worker = given.get("target")
    if worker is None or not isinstance(args, ast.Tuple | ast.List):
        return None
    if any(isinstance(a, ast.Starred) for a in args.elts):
        return None
    return ThreadWorkers(
        (made, second, joined),
        thread,
        worker,
        tuple(args.elts),
        given.get("kwargs"),
        target,
        items,
        conditions,
    )


def _loop_calls(stmt: ast.stmt, listed: str, method: str) -> bool:
    """``for t in <listed>: t.<method>()``."""
    return (
        isinstance(stmt, ast.For)
        and isinstance(stmt.target, ast.Name)
        and isinstance(stmt.iter, ast.Name)
        and stmt.iter.id == listed
        and not stmt.orelse
        and len(stmt.body) == 1
        and ast.dump(stmt.body[0]) == ast.dump(ast.parse(f"{stmt.target.id}.{method}()").body[0])
    )


def _only_here(shape: ThreadWorkers, body: list[ast.stmt]) -> bool:
    """The list of threads is not read after the shape (``is_alive``, a second join)."""
    listed = shape.statements[0].targets[0].id  # type: ignore[attr-defined]
    after = body[body.index(shape.statements[-1]) + 1 :]
    return not any(isinstance(n, ast.Name) and n.id == listed for s in after for n in ast.walk(s))


def held_objects(node: ast.With) -> tuple[str, ...]:
    """What ``with`` enters without making it there or naming it (``with self.lock:``,
    ``with _lock:``): a shared object held for the body, such as a lock."""
    return tuple(
        ast.unparse(item.context_expr)
        for item in node.items
        if isinstance(item.context_expr, ast.Name | ast.Attribute) and item.optional_vars is None
    )
