"""Module registries of classes: ``CLASS_MAP = {"artist": Artist, ...}``, then
``CLASS_MAP[kind](client, data)``.

An SDK makes the object a response describes through a module-level dict
from a kind to its class. When the module binds the dict once, to a display
whose every value names a class, and reads it only by key (``[kind]`` or
``.get(kind, Default)``) to call what it picks, right there or through a
local name only ever called (``wrapper = CLASS_MAP[kind]``, then
``wrapper(client, d)``), each such call makes one of those classes: it is a
call site of every one of them (see choices and typeflow), and the classes in
the display are no values handed where no call shows them.

A registry read any other way (handed on, iterated, changed, returned) keeps
its classes values; so does one another module mentions (the graph checks,
see :attr:`~migrate.analyse.model.ModuleFacts.registries`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable

from .choices import only_called
from .model import ModuleFacts
from .tree import dotted

Resolve = Callable[[ast.expr], str | None]


def mark_registries(
    tree: ast.Module, resolve: Resolve, own: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Marks the calls of what each registry of ``tree`` picks with its classes
    (``_migrate_choices``) and its values as no values handed on
    (``_migrate_chosen``); gives each registry's name and classes. ``own``: the
    classes the module defines; an imported name is taken for a class by its
    spelling (``Artist``, not ``show_user`` or ``DEFAULTS``): a dict of functions
    is a table of them (see function_tables)."""
    found: dict[str, tuple[str, ...]] = {}
    own = set(own)
    for name, display in _displays(tree).items():
        classes = [resolve(value) for value in display.values]
        if not classes or not all(c is not None and _class(c, own) for c in classes):
            continue
        picks = _picks(tree, name)
        if picks is None:
            continue
        made = tuple(dict.fromkeys(c for c in classes if c))
        defaults = [resolve(default) for _, default in picks if default is not None]
        if not all(d is not None and _class(d, own) for d in defaults):
            continue
        for pick, default in picks:
            chosen = made
            if default is not None:
                chosen = tuple(dict.fromkeys((*made, resolve(default) or "")))
                default._migrate_chosen = True  # type: ignore[attr-defined]
            for func in pick:
                func._migrate_choices = chosen  # type: ignore[attr-defined]
        for value in display.values:
            value._migrate_chosen = True  # type: ignore[attr-defined]
        found[name] = made
    return found


def _class(name: str, own: set[str]) -> bool:
    last = name.rpartition(".")[2]
    return name in own or (last[:1].isupper() and not last.isupper())


def _displays(tree: ast.Module) -> dict[str, ast.Dict]:
    """Module-level names bound once, to a dict display of dotted names."""
    found: dict[str, ast.Dict] = {}
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            continue
        target, value = stmt.targets[0], stmt.value
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Dict):
            continue
        if value.values and None not in value.keys and all(map(dotted, value.values)):
            found[target.id] = value
    if not found:
        return found  # most modules: no walk
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] = bound.get(node.id, 0) + 1
        elif isinstance(node, ast.Global | ast.Nonlocal):
            for name in node.names:
                bound[name] = bound.get(name, 0) + 1
    return {name: value for name, value in found.items() if bound.get(name) == 1}


def _picks(tree: ast.Module, name: str) -> list[tuple[list[ast.expr], ast.expr | None]] | None:
    """For each read of the registry ``name``: the callee nodes of the calls of what
    it picks, and the default ``.get`` gives; None if any read is of another kind."""
    parents: dict[int, ast.AST] = {}
    functions: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for inner in ast.walk(node):
                if inner is not node:
                    functions[id(inner)] = node  # the innermost, walked last
    reads = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
    ]
    if not reads:
        return None
    found: list[tuple[list[ast.expr], ast.expr | None]] = []
    for read in reads:
        parent = parents.get(id(read))
        default: ast.expr | None = None
        if isinstance(parent, ast.Subscript) and parent.value is read:
            pick: ast.AST = parent
        elif (
            isinstance(parent, ast.Attribute)
            and parent.attr == "get"
            and isinstance(call := parents.get(id(parent)), ast.Call)
            and call.func is parent
            and 1 <= len(call.args) <= 2
            and not call.keywords
        ):
            pick = call
            default = call.args[1] if len(call.args) == 2 else None
            if default is not None and not dotted(default):
                return None
        else:
            return None
        user = parents.get(id(pick))
        if isinstance(user, ast.Call) and user.func is pick:
            found.append(([pick], default))
            continue
        function = functions.get(id(pick))
        if (
            isinstance(user, ast.Assign)
            and len(user.targets) == 1
            and isinstance(local := user.targets[0], ast.Name)
            and isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            and only_called(function, local.id)
        ):
            calls: list[ast.expr] = [
                n.func
                for n in ast.walk(function)
                if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Name)
                and n.func.id == local.id
            ]
            found.append((calls, default))
            continue
        return None
    return found


def registries_shared(facts: Iterable[ModuleFacts], texts: dict[str, str]) -> set[str]:
    """The classes of the registries another module mentions (``texts``: each
    module's source): what it does with them no call here shows, so they stay
    values."""
    found: set[str] = set()
    for module in facts:
        for name, classes in module.registries.items():
            word = re.compile(rf"\b{re.escape(name)}\b")
            if any(
                other != module.module and name in text and word.search(text)
                for other, text in texts.items()
            ):
                found.update(classes)
    return found
