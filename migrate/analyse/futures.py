"""The futures ``[pool.submit(f, x) for x in xs]`` makes: what the code does with them.

Such a fan-out becomes a gather of ``f(x)``, whose list holds results where
the futures were: that is only the same program when the code does nothing
with a future but take its ``.result()`` (the rewrite drops that call). A
future kept in an attribute, handed to ``wait``, asked ``.done()``, given a
callback or asked for its ``.exception()`` stays a future: the thread pool
stays, running ``f`` through a bridge, and the plan says why.
"""

from __future__ import annotations

import ast

from . import dataflow


def kept_futures(function: ast.AST | None, submitted: ast.expr) -> str:
    """Why the futures ``submitted`` makes are used as futures ("" when the code only
    takes each one's ``.result()`` where it walks the list)."""
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return "the futures are made outside a function body"
    parents = {
        id(child): parent
        for parent in dataflow.walk_local(function)
        for child in ast.iter_child_nodes(parent)
    }
    assign = parents.get(id(submitted))
    if not isinstance(assign, ast.Assign):
        return f"the futures are {_use(submitted, parents)}"
    if len(assign.targets) != 1 or not isinstance(assign.targets[0], ast.Name):
        kept = ", ".join(ast.unparse(t) for t in assign.targets)
        return f"the futures are kept in {kept} (line {assign.lineno})"
    return _only_results(function, assign, parents)


def kept_appended(function: ast.AST | None, loop: ast.For, listed: str) -> str:
    """:func:`kept_futures` for ``listed = []`` then ``for x in xs:
    listed.append(pool.submit(f, x))``: "" when the futures give nothing but results."""
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return "the futures are made outside a function body"
    parents = {
        id(child): parent
        for parent in dataflow.walk_local(function)
        for child in ast.iter_child_nodes(parent)
    }
    block = next(
        (
            block
            for node in dataflow.walk_local(function)
            for block in (getattr(node, f, None) for f in ("body", "orelse", "finalbody"))
            if isinstance(block, list) and any(s is loop for s in block)
        ),
        [],
    )
    index = next(i for i, s in enumerate(block) if s is loop) if block else 0
    before = block[index - 1] if index else None
    if not (
        isinstance(before, ast.Assign)
        and len(before.targets) == 1
        and isinstance(before.targets[0], ast.Name)
        and before.targets[0].id == listed
        and isinstance(before.value, ast.List)
        and not before.value.elts
    ):
        return f"{listed} is not a list made empty just before the loop (line {loop.lineno})"
    receiver = loop.body[0].value.func.value  # type: ignore[attr-defined]
    return _only_results(function, before, parents, ignored={id(receiver)})


def _only_results(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    assign: ast.Assign,
    parents: dict[int, ast.AST],
    ignored: frozenset[int] | set[int] = frozenset(),
) -> str:
    """Why the list of futures ``assign`` binds is used otherwise than walked for
    each one's ``.result()`` ("" when it is not); uses in ``ignored`` don't count."""
    listed = assign.targets[0].id  # type: ignore[attr-defined]
    if not local_only(function, listed, once=assign):
        return f"{listed} is bound again or seen by a nested function"
    results = result_receivers(function)
    walked = {id(loop.iter): (loop, target) for loop, target in walkers(function, listed)}
    for use in names(function, listed):
        if use is assign.targets[0] or id(use) in ignored:
            continue
        if id(use) not in walked:
            return f"{listed} is {_use(use, parents)}"
        loop, target = walked[id(use)]
        if isinstance(loop, ast.For) and not local_only(function, target.id, once=loop):
            return f"{target.id} outlives its loop (line {loop.lineno})"
        for other in names(scope_of(function, loop), target.id):
            if other is not target and id(other) not in results:
                return f"each future is {_use(other, parents)}"
    return ""


def _use(node: ast.expr, parents: dict[int, ast.AST]) -> str:
    """How the code uses ``node`` (a future, or the list of them), for the plan."""
    parent = parents.get(id(node))
    where = f"(line {node.lineno})"
    if isinstance(parent, ast.Attribute):
        return f"used through .{parent.attr} {where}"
    if isinstance(parent, ast.Call) and node in parent.args:
        return f"handed to {ast.unparse(parent.func)} {where}"
    if isinstance(parent, ast.Return):
        return f"returned {where}"
    return f"used as it is {where}"


def names(node: ast.AST, name: str) -> list[ast.Name]:
    """``name`` where ``node`` sees it: not in nested functions, nor in comprehensions
    that bind a ``name`` of their own."""
    own = {
        id(sub)
        for comp in dataflow.walk_local(node)
        if isinstance(comp, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp)
        and comp is not node
        and any(name in dataflow.assigned_names(g) for g in comp.generators)
        for sub in ast.walk(comp)
    }
    return [
        n
        for n in dataflow.walk_local(node)
        if isinstance(n, ast.Name) and n.id == name and id(n) not in own
    ]


def local_only(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, once: ast.AST) -> bool:
    """``name`` is bound once (by ``once``), only seen in ``function``'s own scope."""
    everywhere = [n for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == name]
    local = [n for n in dataflow.walk_local(function) if isinstance(n, ast.Name) and n.id == name]
    if len(everywhere) != len(local) or any(
        isinstance(a, ast.arg) and a.arg == name for a in ast.walk(function.args)
    ):
        return False
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.Global | ast.Nonlocal) and name in node.names:
            return False
    stores = [n for n in names(function, name) if not isinstance(n.ctx, ast.Load)]
    bound = once.target if isinstance(once, ast.For | ast.comprehension) else None
    if isinstance(once, ast.Assign):
        bound = once.targets[0]
    return stores == [bound]


def walkers(
    function: ast.FunctionDef | ast.AsyncFunctionDef, listed: str
) -> list[tuple[ast.For | ast.comprehension, ast.Name]]:
    """``for x in futures`` loops and comprehension clauses, with their (plain name) targets."""
    found: list[tuple[ast.For | ast.comprehension, ast.Name]] = []
    for node in dataflow.walk_local(function):
        if (
            isinstance(node, ast.For | ast.comprehension)
            and isinstance(node.iter, ast.Name)
            and node.iter.id == listed
            and isinstance(node.target, ast.Name)
        ):
            found.append((node, node.target))
    return found


def scope_of(function: ast.AST, walker: ast.For | ast.comprehension) -> ast.AST:
    """Where a loop variable can be read: the comprehension holding the clause, or
    the function for a ``for`` statement (its variable outlives the loop)."""
    if isinstance(walker, ast.For):
        return function
    for node in dataflow.walk_local(function):
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            if walker in node.generators:
                return node
    return function


def result_receivers(function: ast.AST) -> set[int]:
    """Names ``x`` called as ``x.result()``: the call the rewrite replaces by ``x``."""
    return {
        id(node.func.value)
        for node in dataflow.walk_local(function)
        if isinstance(node, ast.Call)
        and not node.args
        and not node.keywords
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "result"
        and isinstance(node.func.value, ast.Name)
    }
