"""Fan-out shapes: code that calls one function once per item.

``for x in xs: out.append(f(x))`` (directly, through a temporary, or into a
dict), comprehensions, ``map(f, xs)``, a thread pool's ``map`` and
``[pool.submit(f, x) for x in xs]``. Each is a :class:`FanOut` for the
concurrency pass; a loop that fetches but is not one of these shapes says
why (``refusal``), so the plan can tell the user.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .bound_before import bound_just_before
from .frameworks import EXECUTORS, PARTIALS
from .futures import kept_appended, kept_futures
from .model import FanOut, FanOutKind, Shape
from .names import NameResolver, expr_text, span_of
from .pools import executor_size, executor_workers, one_at_a_time, pool_size, pool_workers

AS_COMPLETED = frozenset(
    {"concurrent.futures.as_completed", "concurrent.futures._base.as_completed"}
)
# Calls that take a whole generator (or map) at once: its items are all made.
CONSUMERS = frozenset({"list", "set", "tuple", "sorted", "sum", "max", "min", "frozenset", "dict"})
# Calls that take the items one at a time, from a sync iterator only: maybe not all.
SYNC_TAKERS = frozenset({"zip", "islice", "takewhile", "any", "all"})


def mapped_lambda(
    consumer: ast.Call, is_map: Callable[[ast.Call], bool]
) -> tuple[ast.Call, ast.Lambda] | None:
    """``list(map(lambda x: f(x)["id"], xs))``: the map and its lambda.

    A lambda mapped over items and consumed at once is a generator expression
    written another way, ``list(f(x)["id"] for x in xs)``: its calls are the
    enclosing function's, made once per item, and may be awaited (gathered).
    """
    func = consumer.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if len(consumer.args) != 1 or consumer.keywords:
        return None
    if name not in CONSUMERS and not (name == "join" and isinstance(func, ast.Attribute)):
        return None
    inner = consumer.args[0]
    if not (
        isinstance(inner, ast.Call)
        and len(inner.args) == 2
        and not inner.keywords
        and isinstance(inner.args[0], ast.Lambda)
        and is_map(inner)
    ):
        return None
    lam = inner.args[0]
    params = lam.args
    if params.posonlyargs or params.vararg or params.kwonlyargs or params.kwarg:
        return None
    if len(params.args) != 1 or params.defaults:
        return None
    return inner, lam


def _function_of(resolver: NameResolver) -> ast.AST | None:
    """The node of the function being walked (past comprehensions and lambdas)."""
    return next((s.node for s in reversed(resolver.scopes) if s.node is not None), None)


def map_fan_out(node: ast.Call, target: str | None, resolver: NameResolver) -> FanOut | None:
    """``map(f, xs)`` / ``executor.map(f, xs)``, ``target`` the callee: f once per item."""
    kind = map_kind(target)
    if not kind or len(node.args) < 2 or node.keywords:
        return None
    if any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    workers = None
    size = ""
    if kind == "executor-map" and isinstance(node.func, ast.Attribute):
        function = _function_of(resolver)
        workers = pool_workers(node.func.value, function, resolver.tree.module)
        size = pool_size(node.func.value, function, resolver.tree.module)
    refusal = one_at_a_time(workers)
    loop = getattr(node, "_migrate_loop", None)
    if kind == "executor-map" and loop is not None and _stops_early(loop) and not refusal:
        refusal = (
            "the loop over the pool's results can stop early (break, return or raise): the"
            " pool then cancelled the calls it had not started, a gather would make them all"
        )
    func, bound = node.args[0], _partial_before(node, resolver)
    return FanOut(
        kind=kind,
        span=span_of(node),
        call_target=resolver.resolve(_unwrap_partial(bound or func, resolver)),
        iter_text=", ".join(expr_text(arg) for arg in node.args[1:]),  # map(f, xs, ys)
        refusal=refusal,
        workers=workers,
        pool_size=size,
        partial=span_of(bound) if bound is not None else None,
    )


def _partial_before(node: ast.Call, resolver: NameResolver) -> ast.Call | None:
    """``worker = partial(f, a)`` on the statement right before ``pool.map(worker, xs)``,
    ``worker`` read there only: that partial, which the map calls per item."""
    function = _function_of(resolver)
    if function is None or not isinstance(node.args[0], ast.Name):
        return None
    bound = bound_just_before(node, function, resolver.resolve, PARTIALS)
    return bound.value if bound is not None else None  # type: ignore[return-value]


def _unwrap_partial(func: ast.expr, resolver: NameResolver) -> ast.expr:
    """``partial(f, a)`` -> ``f``: the function a pool or ``map`` calls per item."""
    if (
        isinstance(func, ast.Call)
        and func.args
        and resolver.resolve(func.func) == "functools.partial"
    ):
        return func.args[0]
    return func


def map_kind(target: str | None) -> FanOutKind | None:
    """ "map" for builtins.map, "executor-map" for a thread pool's map."""
    if target == "builtins.map":
        return "map"
    if target and target.endswith(".map") and target.rsplit(".", 1)[0] in EXECUTORS:
        return "executor-map"
    return None


def _mark_iter(node: ast.For | ast.AsyncFor) -> None:
    node.iter._migrate_iterated = True  # type: ignore[attr-defined]
    node.iter._migrate_loop = node  # type: ignore[attr-defined]


def _stops_early(loop: ast.For | ast.AsyncFor) -> bool:
    """The loop may end before its last item (a break, return or raise in it)."""
    return any(
        isinstance(n, ast.Break | ast.Return | ast.Raise)
        for stmt in loop.body
        for n in ast.walk(stmt)
    )


def _single_call(node: ast.AST | None) -> ast.Call | None:
    if isinstance(node, ast.Await):
        node = node.value
    return node if isinstance(node, ast.Call) else None


def loop_fan_out(node: ast.For | ast.AsyncFor, analyser: NameResolver) -> FanOut | None:
    """``for x in xs: out.append(f(x))`` (or ``out[k] = f(x)``, or via a temp name)."""
    _mark_iter(node)
    if not isinstance(node.target, ast.Name) or node.orelse:
        return None
    body = node.body
    call: ast.Call | None = None
    kind: FanOutKind = "loop-append"
    if len(body) == 2 and isinstance(body[0], ast.Assign):
        # tmp = f(x); out.append(tmp)
        first, second = body[0], body[1]
        tmp = first.targets[0] if len(first.targets) == 1 else None
        call = _single_call(first.value)
        appended = _append_of(second)
        if not (isinstance(tmp, ast.Name) and appended and appended[1] == tmp.id):
            call = None
    elif len(body) == 1:
        stmt = body[0]
        appended_call = _append_call(stmt)
        if appended_call:
            call = appended_call[1]
        elif (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Subscript)
            and isinstance(stmt.targets[0].value, ast.Name)
        ):
            call = _single_call(stmt.value)
            kind = "loop-dict"
    if call is None:
        # Not a plain fan-out; still say why when the loop fetches something.
        inner = [n for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.Call)]
        if not inner:
            return None
        reason = _loop_refusal(node)
        return FanOut(
            kind="loop",
            span=span_of(node),
            call_target=None,
            iter_text=expr_text(node.iter),
            refusal=reason or "the loop body does more than collect one call's result per item",
        )
    target = analyser.callee_target(call)
    if (
        kind == "loop-append"
        and isinstance(node, ast.For)
        and len(body) == 1
        and target
        and target.endswith(".submit")
        and target.rsplit(".", 1)[0] in EXECUTORS
        and call.args
        and isinstance(call.func, ast.Attribute)
    ):
        # futures = []; for x in xs: futures.append(pool.submit(f, x)): a thread
        # fan-out of f, as ``[pool.submit(f, x) for x in xs]`` is.
        function = _function_of(analyser)
        module = analyser.tree.module
        workers = pool_workers(call.func.value, function, module)
        listed = _append_call(body[0])
        refusal = one_at_a_time(workers) or (
            kept_appended(function, node, listed[0]) if listed else "not a list of futures"
        )
        return FanOut(
            kind="executor-submit",
            span=span_of(node),
            call_target=analyser.resolve(call.args[0]),
            iter_text=expr_text(node.iter),
            refusal=refusal or None,
            workers=workers,
            pool_size=pool_size(call.func.value, function, module),
        )
    return FanOut(
        kind=kind,
        span=span_of(node),
        call_target=target,
        iter_text=expr_text(node.iter),
    )


def _loop_refusal(node: ast.For | ast.AsyncFor) -> str | None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Break):
            return "the loop can stop early (break)"
        if isinstance(sub, ast.Return):
            return "the loop can return early"
        if isinstance(sub, ast.Continue):
            return "the loop skips items depending on results (continue)"
    return None


def _appended(stmt: ast.stmt) -> tuple[str, ast.expr] | None:
    """``out.append(x)`` -> ("out", <x>)."""
    if (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Attribute)
        and stmt.value.func.attr == "append"
        and isinstance(stmt.value.func.value, ast.Name)
        and len(stmt.value.args) == 1
    ):
        return stmt.value.func.value.id, stmt.value.args[0]
    return None


def _append_of(stmt: ast.stmt) -> tuple[str, str] | None:
    """``out.append(name)`` -> ("out", "name")."""
    found = _appended(stmt)
    if found and isinstance(found[1], ast.Name):
        return found[0], found[1].id
    return None


def _append_call(stmt: ast.stmt) -> tuple[str, ast.Call] | None:
    """``out.append(f(x))`` -> ("out", <call f(x)>)."""
    found = _appended(stmt)
    if found:
        call = _single_call(found[1])
        if call is not None:
            return found[0], call
    return None


def comprehension_fan_out(
    node: ast.ListComp | ast.SetComp | ast.DictComp,
    analyser: NameResolver,
    function: ast.AST | None = None,
) -> FanOut | None:
    """The fan-out a comprehension is, if any; ``function`` is the one it is in."""
    element = node.value if isinstance(node, ast.DictComp) else node.elt
    call = _single_call(element)
    if call is None or len(node.generators) != 1:
        return None
    gen = node.generators[0]
    shapes: dict[type[ast.expr], Shape] = {
        ast.ListComp: "list",
        ast.SetComp: "set",
        ast.DictComp: "dict",
    }
    shape = shapes[type(node)]
    refusal = "the comprehension filters items (if)" if gen.ifs else None
    kind: FanOutKind = "comprehension"
    workers = None
    size = ""
    target = analyser.callee_target(call)
    if (
        target
        and target.endswith(".submit")
        and target.rsplit(".", 1)[0] in EXECUTORS
        and call.args
        and shape == "list"
    ):
        # [pool.submit(f, x) for x in xs]: a thread fan-out of f.
        kind = "executor-submit"
        target = analyser.resolve(call.args[0])
        if isinstance(call.func, ast.Attribute):
            scope = _function_of(analyser)
            workers = pool_workers(call.func.value, scope, analyser.tree.module)
            size = pool_size(call.func.value, scope, analyser.tree.module)
        refusal = one_at_a_time(workers) or kept_futures(function, node) or None
    elif shape == "dict" and refusal is None:
        refusal = "dict comprehensions are not rewritten yet (run the calls in a list first)"
    return FanOut(
        kind=kind,
        span=span_of(node),
        call_target=target,
        iter_text=expr_text(gen.iter),
        refusal=refusal,
        workers=workers,
        pool_size=size,
    )


def mark_mapped_lambda(consumer: ast.Call, resolver: NameResolver) -> None:
    """Mark the lambda of ``list(map(lambda x: ..., xs))`` (see :func:`mapped_lambda`)."""
    function = _function_of(resolver)

    def is_map(call: ast.Call) -> bool:
        kind = map_kind(resolver.resolve(call.func))
        if kind == "executor-map" and isinstance(call.func, ast.Attribute):
            # A pool of one thread keeps its calls, in order, in that thread.
            return pool_workers(call.func.value, function, resolver.tree.module) != 1
        return kind is not None

    found = mapped_lambda(consumer, is_map)
    if found is not None:
        found[1]._migrate_mapped = True  # type: ignore[attr-defined]


def completed_pool(node: ast.With | ast.AsyncWith, resolver: NameResolver) -> list[FanOut]:
    """``with ThreadPoolExecutor() as pool:`` whose calls are taken as they complete.

    Every use of ``pool`` submits one and the same function, and the block loops
    over ``as_completed(...)``: the pool becomes a pool of tasks on the event loop.
    """
    if len(node.items) != 1 or not isinstance(node.items[0].optional_vars, ast.Name):
        return []
    made = node.items[0].context_expr
    if not (isinstance(made, ast.Call) and resolver.resolve(made.func) in EXECUTORS):
        return []
    pool = node.items[0].optional_vars.id
    inside = [n for stmt in node.body for n in ast.walk(stmt)]
    submits = [
        call
        for call in inside
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "submit"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == pool
        and call.args
        and not isinstance(call.args[0], ast.Starred)
    ]
    receivers = {id(call.func.value) for call in submits}  # type: ignore[attr-defined]
    if any(isinstance(n, ast.Name) and n.id == pool and id(n) not in receivers for n in inside):
        return []  # the pool is used another way too (map, shutdown, passed on)
    functions = {expr_text(call.args[0]) for call in submits}
    completed = any(
        isinstance(n, ast.For)
        and isinstance(n.iter, ast.Call)
        and resolver.resolve(n.iter.func) in AS_COMPLETED
        for n in inside
    )
    if len(functions) != 1 or not completed:
        return []
    function = _function_of(resolver)
    workers = executor_workers(made, function, resolver.tree.module)
    return [
        FanOut(
            kind="executor-completed",
            span=span_of(node),
            call_target=resolver.resolve(submits[0].args[0]),
            iter_text=pool,
            refusal=one_at_a_time(workers),
            workers=workers,
            pool_size=executor_size(made, function, resolver.tree.module),
        )
    ]
