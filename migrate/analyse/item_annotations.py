"""The class of the items a function's return annotation says it gives.

``def list(self) -> List[RESTObject]``, ``-> Iterator["Page"]``,
``-> Union[RESTObjectList, List[RESTObject]]``: a loop over what it returns
holds ``RESTObject`` instances, and ``obj.delete()`` there reaches the
``delete`` of whichever subclass it is (see ``CallGraph.implementations``).
A member of a union that is a class of its own (``RESTObjectList``) must
give the same items when iterated; only the project-wide graph can tell, so
those classes are returned beside the item class for it to check.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .defaults import annotated_class

# Generic containers whose first parameter is the type of their items.
CONTAINERS = frozenset(
    f"{module}.{name}"
    for module in ("typing", "typing_extensions", "collections.abc", "builtins")
    for name in (
        *("List", "list", "Sequence", "MutableSequence", "Iterable", "Iterator"),
        *("Generator", "Set", "set", "FrozenSet", "frozenset", "Collection", "Tuple", "tuple"),
    )
) | frozenset({"list", "set", "frozenset", "tuple"})

TUPLES = frozenset({"typing.Tuple", "builtins.tuple", "tuple"})
UNIONS = frozenset({"typing.Union", "typing_extensions.Union"})
OPTIONALS = frozenset({"typing.Optional", "typing_extensions.Optional"})


def annotated_items(
    node: ast.expr | None, resolve: Callable[[ast.expr], str | None]
) -> tuple[str, tuple[str, ...]] | None:
    """(the class of the items, the union's iterable classes that must agree) for a
    return annotation naming a container of one project class; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    if node is None:
        return None
    items: set[str | None] = set()
    iterables: list[str] = []
    for member in _members(node, resolve):
        if isinstance(member, ast.Constant) and member.value is None:
            continue
        if isinstance(member, ast.Subscript) and _name(member.value, resolve) in CONTAINERS:
            given = member.slice.elts if isinstance(member.slice, ast.Tuple) else [member.slice]
            tuple_of = _name(member.value, resolve) in TUPLES
            if tuple_of and not (len(given) == 2 and _ellipsis(given[1])) and len(given) > 1:
                return None  # ``Tuple[Client, Config]``: items of more than one type
            items.add(annotated_class(given[0], resolve))
        elif (cls := annotated_class(member, resolve)) is not None:
            iterables.append(cls)
        else:
            return None
    if len(items) != 1:
        return None
    item = items.pop()
    return (item, tuple(iterables)) if item else None


def _members(node: ast.expr, resolve: Callable[[ast.expr], str | None]) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_members(node.left, resolve), *_members(node.right, resolve)]
    if isinstance(node, ast.Subscript):
        name = _name(node.value, resolve)
        if name in OPTIONALS:
            return [node.slice]
        if name in UNIONS:
            return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    return [node]


def _name(node: ast.expr, resolve: Callable[[ast.expr], str | None]) -> str | None:
    if isinstance(node, ast.Name) and node.id in ("list", "set", "frozenset", "tuple"):
        return node.id  # a builtin no import names
    return resolve(node)


def _ellipsis(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def base_items(bases: list[ast.expr], resolve: Callable[[ast.expr], str | None]) -> str | None:
    """The class of the items a class holds that derives from a container of one
    project class (``class Devices(list[Device])``, ``(Sequence[Device])``)."""
    for base in bases:
        if isinstance(base, ast.Subscript) and _name(base.value, resolve) in CONTAINERS:
            if (found := annotated_items(base, resolve)) is not None:
                return found[0]
    return None
