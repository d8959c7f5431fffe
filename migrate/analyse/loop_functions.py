"""Functions a loop takes one at a time from a collection it spells out.

``for method, call in (("GET", api.get), ("DELETE", api.delete)): call(path)``
calls ``api.get`` on one pass and ``api.delete`` on the next: each call of
``call`` is a call site of every function the loop's items hold in that
place. The graph links the call to each of them, and makes them async
together (one ``await`` serves every pass, see ``CallGraph.dispatched``). Only
a loop over a tuple, list or set display whose items all give that name a
name chain (``fetch``, ``api.get``), the name bound by the loop alone and
read only to be called, is one; anything else keeps the values it was.
"""

from __future__ import annotations

import ast

from .choices import only_called
from .tree import dotted


def looped_functions(loop: ast.For | ast.AsyncFor, function: ast.AST) -> dict[str, list[ast.expr]]:
    """The names ``loop`` binds to a function on each pass, with what each item gives."""
    items = loop.iter
    if not isinstance(items, ast.Tuple | ast.List | ast.Set) or not items.elts:
        return {}
    target = loop.target
    names = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
    if not all(isinstance(name, ast.Name) for name in names):
        return {}
    rows: list[list[ast.expr]] = []
    for item in items.elts:
        if isinstance(target, ast.Name):
            rows.append([item])
        elif isinstance(item, ast.Tuple | ast.List) and len(item.elts) == len(names):
            rows.append(list(item.elts))
        else:
            return {}
    found = {}
    for place, name in enumerate(names):
        assert isinstance(name, ast.Name)
        given = [row[place] for row in rows]
        if all(dotted(value) for value in given) and only_called(function, name.id):
            found[name.id] = given
    return found
