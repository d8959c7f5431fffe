"""What an ``isinstance`` check says a local holds.

``obj = mgr.list(iterator=True)`` gives a ``RESTObjectList`` or a list (its
return annotation names both); after ``assert isinstance(obj, RESTObjectList)``,
and inside ``if isinstance(obj, RESTObjectList):``, it is the one class, and
a loop over it follows that class (``async for`` once its ``__next__`` became
``__anext__``). A check against a builtin (``isinstance(obj, list)``) makes it a
plain value: what a project method gave it no longer says what it is.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .scopes import LocalScope

Resolve = Callable[[ast.expr], str | None]


def checked(test: ast.expr, resolve: Resolve) -> tuple[str, str] | None:
    """``isinstance(name, C)``: (name, C resolved), for one class named."""
    if not (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance"
        and len(test.args) == 2
        and not test.keywords
        and isinstance(test.args[0], ast.Name)
        and isinstance(test.args[1], ast.Name | ast.Attribute)
    ):
        return None
    cls = resolve(test.args[1])
    # ``isinstance(x, object)`` holds for anything: it says nothing.
    return (test.args[0].id, cls) if cls and cls != "builtins.object" else None


def narrow(scope: LocalScope, name: str, cls: str) -> None:
    """From here on, ``name`` holds a ``cls``."""
    scope.returned_by.pop(name, None)
    if cls.startswith("builtins."):
        scope.local_types.pop(name, None)
    else:
        scope.local_types[name] = cls


@contextmanager
def narrowed(scope: LocalScope, test: ast.expr, resolve: Resolve) -> Iterator[None]:
    """Inside ``if isinstance(name, C):``: ``name`` holds a ``C``; after it, what
    it held before, unless the body bound it again."""
    found = checked(test, resolve)
    if found is None:
        yield
        return
    name, cls = found
    before = (scope.local_types.get(name), scope.returned_by.get(name))
    narrow(scope, name, cls)
    inside = (scope.local_types.get(name), scope.returned_by.get(name))
    yield
    if (scope.local_types.get(name), scope.returned_by.get(name)) != inside:
        return  # bound again in the body: what the body left holds
    for held, value in zip((scope.local_types, scope.returned_by), before, strict=True):
        if value is None:
            held.pop(name, None)
        else:
            held[name] = value
