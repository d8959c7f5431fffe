"""The type of a value written in another form than a call of a class.

``Client(a) if a else Client(b)`` (or ``... else None``) holds a Client; so
does an item a local container of clients gives back (``clients.get(b)``,
where ``clients = {b: Client(b) for b in bases}``: the scopes record what
each local container was filled with, ``item_types``), and one an attribute
holds (``self.clients = [Client(u) for u in urls]``: the facts record it,
``attr_items``, for the graph to read ``self.clients[0]`` and ``for c in
self.clients`` with). Each name of ``self.api, self.name = api, name`` is
given the item at its place (``paired_items``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence

from .scopes import LocalScope
from .tree import is_none, one_type

# Dict methods giving back one stored item (or a default).
_TAKERS = frozenset({"get", "pop", "setdefault"})


def either_type(node: ast.IfExp, type_of: Callable[[ast.expr], str | None]) -> str | None:
    """The one type both branches hold (a branch that is ``None`` holds none)."""
    made = {type_of(branch) for branch in (node.body, node.orelse) if not is_none(branch)}
    return made.pop() if len(made) == 1 else None


def assigned_pairs(node: ast.Assign) -> Iterator[tuple[ast.expr, ast.expr]]:
    """Each target with the value it is given: ``a, b = x, y`` pairs ``a`` with
    ``x`` and ``b`` with ``y`` (a tuple target given anything else, no pair)."""
    for target in node.targets:
        if not isinstance(target, ast.Tuple | ast.List):
            yield target, node.value
        elif (items := _same_shape(target, node.value)) is not None:
            yield from zip(target.elts, items)


def _same_shape(target: ast.Tuple | ast.List, value: ast.expr | None) -> list[ast.expr] | None:
    """The items of ``value`` a tuple target takes one by one: both sides list as
    many, without a star."""
    items = value.elts if isinstance(value, ast.Tuple | ast.List) else []
    starred = any(isinstance(e, ast.Starred) for e in (*target.elts, *items))
    return items if len(items) == len(target.elts) and not starred else None


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
    elif isinstance(node, ast.Call) and ast.unparse(node) in ("dict()", "list()", "set()"):
        items = []
    else:
        return None
    return {type_of(item) or "" for item in items}


def global_items(
    tree: ast.Module, type_of: Callable[[ast.expr], str | None]
) -> dict[str, set[str]]:
    """What each module-level container is filled with, wherever in the module:
    ``CLIENTS = {}`` then ``CLIENTS[name] = Client(name)`` (or ``.append``,
    ``.add``, ``.setdefault(key, value)``) in a function that does not bind the
    name itself. Read before the functions are, so that ``CLIENTS[name]`` means
    a Client in every one of them."""
    found: dict[str, set[str]] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            items = container_items(stmt.value, type_of)
            for target in targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, set()).update(items if items is not None else {""})
    # Only containers whose every item is known so far can still give a type: a
    # module with none (most) needs no walk through its functions.
    found = {name: items for name, items in found.items() if "" not in items}
    if not found:
        return found
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        local = local_names(function)
        for node in ast.walk(function):
            held, value = _stored(node)
            if held in found and held not in local and value is not None:
                found[held].add(type_of(value) or "")
    return found


def local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names ``function`` binds itself (not those it declares ``global``)."""
    local = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    local |= {
        n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    declared = (n.names for n in ast.walk(function) if isinstance(n, ast.Global))
    return local - {name for names in declared for name in names}


def _stored(node: ast.AST) -> tuple[str | None, ast.expr | None]:
    """``name[key] = value``, ``name.append(value)``, ``name.setdefault(key, value)``:
    the container's name and the value stored in it."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            return target.value.id, node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        func, args = node.func, node.args
        if isinstance(func.value, ast.Name) and not node.keywords:
            if func.attr in ("append", "add") and len(args) == 1:
                return func.value.id, args[0]
            if func.attr == "setdefault" and len(args) == 2:
                return func.value.id, args[1]
    return None, None


def taken_item(node: ast.Call, scopes: Sequence[LocalScope]) -> str | None:
    """``clients.get(key)`` of a local dict of clients, or its first value
    (``next(iter(clients.values()))``, with a default or not): a Client."""
    func = node.func
    first = node.args[0] if node.args and not node.keywords else None
    if isinstance(func, ast.Name) and func.id == "next" and isinstance(first, ast.Call):
        # ``iter(d)`` would give the keys: only the values are the items kept.
        values = first.args[0] if len(first.args) == 1 else None
        if not (ast.unparse(first.func) == "iter" and isinstance(values, ast.Call)):
            return None
        if values.args or ast.unparse(values.func).rpartition(".")[2] != "values":
            return None
        func = values.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return stored_item(scopes, func.value.id)
        return None
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return None
    return stored_item(scopes, func.value.id) if func.attr in _TAKERS else None


def stored_item(scopes: Sequence[LocalScope], name: str) -> str | None:
    """The one type of what was stored in the local container ``name`` (``pages[k]
    = page``, ``made = [make(b) ...]``), by the nearest scope filling it: a
    comprehension or nested function reads its function's. None where a nearer
    scope binds the name again."""
    for scope in reversed(scopes):
        if name in scope.item_types:
            return one_type(scope.item_types[name])
        if name in scope.bound or name in scope.params:
            return None
    return None


def paired_items(target: ast.Tuple | ast.List, value: ast.expr | None) -> list[ast.expr | None]:
    """What each name of ``self.api, self.name = api, name`` is given: the item at its
    place, where both sides list as many without a star. A call stays unknown (None):
    the rewrite makes a session only where one statement makes it."""
    items = _same_shape(target, value)
    if items is None:
        return [None] * len(target.elts)
    return [None if isinstance(item, ast.Call) else item for item in items]
