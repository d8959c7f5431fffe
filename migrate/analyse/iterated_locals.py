"""A call's result held in a local only to be looped over:
``pages = self._pages(q)`` then ``for page in pages:``.

When the call becomes an async generator's, the local holds it as it is (no
``await``: an async generator object is not awaitable) and the loop becomes
``async for``. Only a local assigned once, by that call, and read once, as
the iterable of a loop or a comprehension further down, is followed: any other
read (``len(pages)``, ``list(pages)``, a closure) keeps the call a value, for
the generator analysis to refuse as before.
"""

from __future__ import annotations

import ast


def mark_iterated_locals(node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """Marks each such call as iterated, at the local's read (``_migrate_iterated_at``)."""
    stores: dict[str, list[ast.AST]] = {}
    loads: dict[str, list[ast.Name]] = {}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            (loads if isinstance(sub.ctx, ast.Load) else stores).setdefault(sub.id, []).append(sub)
        elif isinstance(sub, ast.arg):
            stores.setdefault(sub.arg, []).append(sub)
    iterables = {
        id(sub.iter)
        for sub in ast.walk(node)
        if isinstance(sub, ast.For | ast.AsyncFor | ast.comprehension)
    }
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
        if len(stores.get(name, [])) != 1 or len(read) != 1 or id(read[0]) not in iterables:
            continue
        if (read[0].lineno, read[0].col_offset) <= (stmt.lineno, stmt.col_offset):
            continue
        stmt.value._migrate_iterated = True  # type: ignore[attr-defined]
        stmt.value._migrate_iterated_at = read[0]  # type: ignore[attr-defined]
