"""Attributes set by name: ``setattr(self, "_client", client)`` and its helpers.

Classes that guard ``__setattr__`` (objects loading their attributes lazily,
frozen records) set their own attributes around it: ``object.__setattr__(self,
"_client", client)``, ``super().__setattr__("_client", client)``, or a helper
method doing that for a name it is given (``def _set(self, name, value):
object.__setattr__(self, name, value)``) called as ``self._set("_client",
client)``. With a constant name each of these is ``self._client = client``:
the attribute's type flows from what it is given like any other (see
typeflow). A name known only at run time stays what it was, a write of some
attribute of unknown name.
"""

from __future__ import annotations

import ast


def setter_methods(tree: ast.Module) -> frozenset[str]:
    """Names of the methods this module's classes define only to set the attribute
    named by their first argument to their second on ``self``."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and _sets_by_name(item):
                found.add(item.name)
    return frozenset(found)


def _sets_by_name(fn: ast.FunctionDef) -> bool:
    params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    if len(params) != 3 or fn.decorator_list or fn.args.vararg or fn.args.kwarg:
        return False
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 1:
        return False
    stmt = body[0]
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        found = _set_call(stmt.value, params[0])
        return found is not None and _is_name(found[0], params[1]) and _is_name(found[1], params[2])
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        # ``self.__dict__[name] = value``
        target = stmt.targets[0]
        return (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Attribute)
            and target.value.attr == "__dict__"
            and _is_name(target.value.value, params[0])
            and _is_name(target.slice, params[1])
            and _is_name(stmt.value, params[2])
        )
    return False


def set_by_name(node: ast.Call, setters: frozenset[str]) -> tuple[str, ast.expr] | None:
    """``setattr(self, "x", v)`` and the like (see the module docstring): ``("x", v)``."""
    found = _set_call(node, "self")
    if found is None:
        func = node.func
        if not (
            isinstance(func, ast.Attribute)
            and func.attr in setters
            and _is_name(func.value, "self")
            and len(node.args) == 2
            and not node.keywords
        ):
            return None
        found = (node.args[0], node.args[1])
    name, value = found
    if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.isidentifier():
        return name.value, value
    return None


def _set_call(node: ast.Call, owner: str) -> tuple[ast.expr, ast.expr] | None:
    """The name and value of ``setattr(<owner>, n, v)``, ``object.__setattr__(<owner>,
    n, v)`` or ``super().__setattr__(n, v)``."""
    func, args = node.func, node.args
    if node.keywords or any(isinstance(a, ast.Starred) for a in args):
        return None
    if _is_name(func, "setattr") or (
        isinstance(func, ast.Attribute)
        and func.attr == "__setattr__"
        and _is_name(func.value, "object")
    ):
        return (args[1], args[2]) if len(args) == 3 and _is_name(args[0], owner) else None
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "__setattr__"
        and isinstance(func.value, ast.Call)
        and _is_name(func.value.func, "super")
        and not func.value.args
        and len(args) == 2
    ):
        return args[0], args[1]
    return None


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
