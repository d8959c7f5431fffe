"""Syntactic forms the facts note: ``__main__`` guards, memoiser arguments, property accessors."""

from __future__ import annotations

import ast

from .frameworks import ASYNC_MEMOISERS
from .tree import span_of


def has_async_memo(target: str | None, decorator: ast.expr) -> bool:
    """``@lru_cache(maxsize=32)``, ``@cache``, ``@cached(TTLCache(...))``: arguments it carries."""
    if target not in ASYNC_MEMOISERS:
        return False
    if not isinstance(decorator, ast.Call):
        return target != "cachetools.cached"
    carried = ASYNC_MEMOISERS[target]
    return (
        len(decorator.args) <= min(1, len(carried))
        and not any(isinstance(a, ast.Starred) for a in decorator.args)
        and all(kw.arg in carried for kw in decorator.keywords)
        and (target != "cachetools.cached" or bool(decorator.args or decorator.keywords))
    )


def is_main_guard(node: ast.If) -> bool:
    test = node.test
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def without_properties(node: ast.ClassDef, attrs: dict[str, str]) -> dict[str, str]:
    """``attrs`` less the names the class defines as properties: ``self.proxies = p``
    in ``__init__`` runs the ``proxies`` setter (a data descriptor wins over the
    instance), so ``self.proxies`` is the property, whatever ``p`` is."""
    properties = {
        stmt.name
        for stmt in node.body
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
        and (
            any(isinstance(d, ast.Name) and d.id == "property" for d in stmt.decorator_list)
            or property_accessor(stmt)
        )
    }
    return {name: typ for name, typ in attrs.items() if name not in properties}


def property_accessor(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """``setter`` or ``deleter`` for ``@name.setter`` on a ``def name``, else None."""
    for decorator in node.decorator_list:
        if (
            isinstance(decorator, ast.Attribute)
            and decorator.attr in ("setter", "deleter")
            and isinstance(decorator.value, ast.Name)
            and decorator.value.id == node.name
        ):
            return decorator.attr
    return None


def mark_stop_expectations(node: ast.With | ast.AsyncWith) -> None:
    """``with pytest.raises(StopIteration): pages.next()``: the calls in the block,
    which may end an iterator, get the name a coroutine's end would need (see
    plan.edits: a coroutine cannot raise StopIteration)."""
    for item in node.items:
        expected = item.context_expr
        if (
            isinstance(expected, ast.Call)
            and isinstance(expected.func, ast.Attribute)
            and expected.func.attr in ("raises", "assertRaises")
            and expected.args
            and isinstance(expected.args[0], ast.Name)
            and expected.args[0].id == "StopIteration"
        ):
            for stmt in node.body:
                for inner in ast.walk(stmt):
                    if isinstance(inner, ast.Call):
                        inner._migrate_stop_handler = span_of(expected.args[0])  # type: ignore[attr-defined]
