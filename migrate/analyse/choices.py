"""Classes picked by a value, then called: ``cls = {6: Image}.get(ns, Page)``, ``cls(site, t)``.

A local name bound once to one of several classes, picked by indexing a dict
display (``[k]`` or ``.get(k, default)``) or by a conditional expression,
and used only to be called, makes an instance of one of them: each of its
calls is a call site of every one of them (their constructors' parameters
get what it gives, see typeflow), and the classes it names are no values
handed where no call shows them. A name used any other way (returned,
stored, handed on) is no choice: its classes stay values.

A name bound to a class on several paths (``requester = CrumbRequester`` in
one branch, ``= Requester`` in the other, maybe a parameter kept as given in
a third) is a choice at each call only those bindings reach (see reaching).

A function whose every ``return`` picks a class that way (``return
GeneratorList if generator else List``) and whose result is only ever called
at once (``self.get_list(generator)(site, ...)``) is a choice too: the graph
checks the second part, project-wide.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping

from .model import ModuleFacts
from .scopes import ordered_parameters


def picked(node: ast.expr) -> list[ast.expr] | None:
    """The names ``node`` picks one of (``A``, ``pkg.B``), or None when it picks none."""
    if isinstance(node, ast.IfExp):
        body, orelse = _branch(node.body), _branch(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        return _names(node.value.values)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Dict)
        and 1 <= len(node.args) <= 2
        and not node.keywords
    ):
        return _names([*node.func.value.values, *node.args[1:]])
    return None


def _branch(node: ast.expr) -> list[ast.expr] | None:
    return _names([node]) if isinstance(node, ast.Name | ast.Attribute) else picked(node)


def _names(nodes: list[ast.expr]) -> list[ast.expr] | None:
    if not nodes or not all(_dotted(node) for node in nodes):
        return None
    return nodes


def _dotted(node: ast.expr) -> bool:
    """``A`` or ``pkg.mod.A``."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def only_called(function: ast.AST, name: str) -> bool:
    """Whether ``function`` binds ``name`` once and reads it only to call it."""
    stores = 0
    called: set[int] = set()
    loads: list[ast.Name] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(id(node.func))
        elif isinstance(node, ast.Global | ast.Nonlocal) and name in node.names:
            return False
        elif isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Load):
                loads.append(node)
            else:
                stores += 1
        elif isinstance(node, ast.arg) and node.arg == name:
            return False
    return stores == 1 and bool(loads) and all(id(load) in called for load in loads)


def returned(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr] | None:
    """The names every ``return`` of ``function`` itself picks from, or None."""
    found: list[ast.expr] = []
    todo: list[ast.AST] = list(function.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return None
        if isinstance(node, ast.Return):
            names = _branch(node.value) if node.value is not None else None
            if names is None:
                return None
            found += names
        todo.extend(ast.iter_child_nodes(node))
    return found or None


def returned_choices(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    inside: Callable[[ast.AST, type[ast.AST]], list[ast.AST]],
    resolve: Callable[[ast.expr], str | None],
) -> tuple[str, ...] | None:
    """``cls = {6: Image}.get(ns, Page)`` ... ``return cls(...)``: the classes every
    return makes one of (their common base is known project-wide, see graph)."""
    chosen: dict[str, list[str | None]] = {}
    for assign in inside(function, ast.Assign):
        assert isinstance(assign, ast.Assign)
        target = assign.targets[0] if len(assign.targets) == 1 else None
        names = picked(assign.value) if isinstance(target, ast.Name) else None
        if isinstance(target, ast.Name) and names and only_called(function, target.id):
            chosen[target.id] = [resolve(name) for name in names]
    found: list[str | None] = []
    for ret in inside(function, ast.Return):
        call = ret.value if isinstance(ret, ast.Return) else None
        if call is None:
            continue
        if not isinstance(call, ast.Call) or not _dotted(call.func):
            return None
        if isinstance(call.func, ast.Name) and call.func.id in chosen:
            found += chosen[call.func.id]
        elif _class_name(call.func):
            found.append(resolve(call.func))  # ``return PageProperty(...)`` in one branch
        else:
            return None
    classes = tuple(dict.fromkeys(c for c in found if c))
    return classes if len(classes) > 1 and None not in found else None


def _class_name(node: ast.expr) -> bool:
    last = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return last[:1].isupper() and not last.isupper()


def module_choices(
    tree: ast.Module,
    inside: Callable[[ast.AST, type[ast.AST]], list[ast.AST]],
    resolve: Callable[[ast.expr], str | None],
) -> dict[str, tuple[str, ...]]:
    """Top-level functions and methods (``Class.method``) returning an instance of a
    class picked by a value: the classes, by local name (see returned_choices)."""
    found: dict[str, tuple[str, ...]] = {}
    for stmt in tree.body:
        owner = stmt.name + "." if isinstance(stmt, ast.ClassDef) else ""
        for function in stmt.body if isinstance(stmt, ast.ClassDef) else [stmt]:
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                classes = returned_choices(function, inside, resolve)
                if classes:
                    found[owner + function.name] = classes
    return found


def stop_raises(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.Raise]:
    """``raise StopIteration`` in ``function`` itself, and a bare ``raise`` in an
    ``except StopIteration`` handler: how it ends an iteration."""
    found: list[ast.Raise] = []
    todo: list[tuple[ast.AST, bool]] = [(stmt, False) for stmt in function.body]
    while todo:
        node, handling = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(node, ast.Raise):
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if (raised is None and handling) or (
                isinstance(raised, ast.Name) and raised.id == "StopIteration"
            ):
                found.append(node)
        if isinstance(node, ast.ExceptHandler):
            stops = isinstance(node.type, ast.Name) and node.type.id == "StopIteration"
            todo += [(child, stops) for child in node.body]
            continue
        todo += [(child, handling) for child in ast.iter_child_nodes(node)]
    return found


def class_param(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The first parameter of a ``@classmethod`` (``cls``): ``cls(...)`` makes one of
    its class (or of a subclass)."""
    if not any(isinstance(d, ast.Name) and d.id == "classmethod" for d in node.decorator_list):
        return None
    params = [*node.args.posonlyargs, *node.args.args]
    return params[0].arg if params else None


def self_returned(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    value: ast.expr,
    owner: str,
    attrs: Mapping[str, str],
) -> str | None:
    """What a method returning ``self`` or ``self.api`` gives: one of ``owner``; what
    the attribute holds, by the class's say-so, else ``owner.api``, which the graph
    types from what every assignment of it is given (an accessor like
    ``get_client()`` of an object holding its client)."""
    params = [*node.args.posonlyargs, *node.args.args]
    # A property reads as the accessor would be called (``self.api`` for ``self.api()``).
    plain = all(
        ast.unparse(d).endswith(("property", "cached_property")) for d in node.decorator_list
    )
    if not params or params[0].arg != "self" or not plain:
        return None
    if isinstance(value, ast.Name) and value.id == "self":
        return owner
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        if value.value.id == "self":
            return attrs.get(value.attr) or f"{owner}.{value.attr}"
    return None


def returned_attrs(facts: Iterable[ModuleFacts]) -> set[str]:
    """Attributes an accessor method returns (``return self.server``, see
    :func:`self_returned`): calls are made through them, as through ``self.server``."""
    found = set()
    for module in facts:
        for method, typ in module.return_types.items():
            owner, _, attr = typ.rpartition(".")
            if owner == f"{module.module}.{method.rpartition('.')[0]}":
                found.add(attr)
    return found


def class_bound(
    function: ast.FunctionDef | ast.AsyncFunctionDef, assigns: Iterable[ast.AST]
) -> dict[str, dict[int, ast.expr]]:
    """Names ``function`` binds to a class by name (``x = Cls``, ``x = pkg.Cls``, among
    its ``assigns``) more than once, or binds as well as takes as a parameter:
    name -> id(value) -> value."""
    found: dict[str, dict[int, ast.expr]] = {}
    for node in assigns:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name) and _dotted(value) and _class_name(value):
                found.setdefault(target.id, {})[id(value)] = value
    params = set(ordered_parameters(function.args))
    return {name: v for name, v in found.items() if len(v) > 1 or name in params}


def reached_choices(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    bound: Mapping[str, Mapping[int, ast.expr]],
    reads: Mapping[int, frozenset[ast.AST]],
    resolve: Callable[[ast.expr], str | None],
    holds_instance: Callable[[ast.expr], bool],
) -> None:
    """Marks each ``name(...)`` in ``function`` that only class bindings of ``name``
    reach with the classes (``_migrate_choices``), and those bindings, when every
    read they reach is such a call, as no values handed on (``_migrate_chosen``)."""
    called: dict[int, ast.Name] = {}
    for node in ast.walk(function):
        func = node.func if isinstance(node, ast.Call) else None
        if isinstance(func, ast.Name) and func.id in bound and id(func) in reads:
            called[id(func)] = func
    chosen: set[int] = set()
    for key, func in called.items():
        values = bound[func.id]
        names = [values[id(b)] for b in reads[key] if id(b) in values]
        if not names or len(names) < len(reads[key]) or any(map(holds_instance, names)):
            continue
        classes = [resolve(name) for name in names]
        if None in classes:
            continue
        func._migrate_choices = tuple(dict.fromkeys(c for c in classes if c))  # type: ignore[attr-defined]
        chosen.update(id(name) for name in names)
    for key, held in reads.items():
        if key not in called or not hasattr(called[key], "_migrate_choices"):
            chosen -= {id(binding) for binding in held}  # read some other way
    for values in bound.values():
        for value in values.values():
            if id(value) in chosen:
                value._migrate_chosen = True  # type: ignore[attr-defined]
