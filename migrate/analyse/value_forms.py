"""The type of a value written in another form than a call of a class.

``Client(a) if a else Client(b)`` (or ``... else None``) holds a Client; so
does an item a local container of clients gives back (``clients.get(b)``,
where ``clients = {b: Client(b) for b in bases}``: the scopes record what
each local container was filled with, ``item_types``), and one an attribute
holds (``self.clients = [Client(u) for u in urls]``: the facts record it,
``attr_items``, for the graph to read ``self.clients[0]`` and ``for c in
self.clients`` with).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from .scopes import LocalScope
from .tree import is_none

# Dict methods giving back one stored item (or a default).
_TAKERS = frozenset({"get", "pop", "setdefault"})


def either_type(node: ast.IfExp, type_of: Callable[[ast.expr], str | None]) -> str | None:
    """The one type both branches hold (a branch that is ``None`` holds none)."""
    made = {type_of(branch) for branch in (node.body, node.orelse) if not is_none(branch)}
    return made.pop() if len(made) == 1 else None


def container_items(node: ast.expr, type_of: Callable[[ast.expr], str | None]) -> set[str] | None:
    """The types of the items a list, set or dict made right there holds ("" for
    an item of no known type); None for a value that is no such container."""
    if isinstance(node, ast.ListComp | ast.SetComp):
        items: list[ast.expr] = [node.elt]
    elif isinstance(node, ast.DictComp):
        items = [node.value]
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = list(node.elts)
    elif isinstance(node, ast.Dict):
        items = list(node.values)
    else:
        return None
    return {type_of(item) or "" for item in items}


def taken_item(node: ast.Call, scopes: Sequence[LocalScope], scope: LocalScope) -> str | None:
    """``clients.get(key)`` of a local dict of clients: a Client."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return None
    if func.attr not in _TAKERS:
        return None
    owner = next((s for s in reversed(scopes) if func.value.id in s.item_types), scope)
    return owner.item_type(func.value)
