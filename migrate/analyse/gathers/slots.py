"""What a person would call a result by where it goes: ``{"first": status(1)}``
holds the first status, ``render(user=get(u))`` a user: ``first``, ``user``."""

from __future__ import annotations

import ast
import builtins
import keyword


def slot_name(call: ast.Call, parents: dict[int, ast.AST]) -> str:
    """The dict key or keyword ``call``'s result is given as; "" for none (or
    one that would shadow a builtin or is no plain name)."""
    child: ast.AST = call
    parent = parents.get(id(child))
    if isinstance(parent, ast.Await):  # an earlier run's ``await status(1)``
        child, parent = parent, parents.get(id(parent))
    name = ""
    if isinstance(parent, ast.keyword) and parent.arg:
        name = parent.arg
    elif isinstance(parent, ast.Dict) and child in parent.values:
        key = parent.keys[parent.values.index(child)]
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            name = key.value
    plain = name.isidentifier() and name.isascii() and name.islower()
    if not plain or keyword.iskeyword(name) or hasattr(builtins, name):
        return ""
    return name
